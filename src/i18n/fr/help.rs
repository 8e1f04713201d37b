//! French: the help centre's answers and the contact form. Facts come from
//! the seed copy, the catalogue's delivery options (migration 0003) and the
//! shop API's limits; change them together.

use crate::i18n::*;
use crate::routes;

const ORDERS: HelpTopic = HelpTopic {
    slug: "commandes-et-suivi",
    title: "Commandes et suivi",
    answers: &[
        HelpAnswer {
            slug: "suivre-ma-commande",
            question: "Comment suivre ma commande\u{a0}?",
            paragraphs: &[
                "Connectez-vous à votre compte, puis ouvrez la page «\u{a0}Suivi de commande\u{a0}» en haut de chaque page. Elle liste vos commandes, de la plus récente à la plus ancienne.",
                "Chaque commande indique son statut\u{a0}: en attente de paiement, confirmée, en préparation, expédiée, puis livrée. Le statut change dès que votre commande passe à l’étape suivante.",
            ],
            link: Some(HelpLink {
                label: "Voir mes commandes",
                href: routes::ORDERS,
            }),
        },
        HelpAnswer {
            slug: "modifier-ou-annuler",
            question: "Puis-je modifier ou annuler ma commande\u{a0}?",
            paragraphs: &[
                "Une commande passée ne peut plus être modifiée\u{a0}: ses produits et son adresse sont figés. Pour changer quelque chose, annulez-la puis commandez de nouveau.",
                "Tant que votre commande n’est pas expédiée, vous pouvez l’annuler depuis sa page, avec le bouton «\u{a0}Annuler la commande\u{a0}». Payée par carte, elle n’est alors jamais débitée\u{a0}; payée avec Apple Pay ou Google Pay, elle est remboursée.",
                "Une fois la commande expédiée, l’annulation n’est plus possible.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "retrouver-mes-projets",
            question: "Où retrouver mes projets\u{a0}?",
            paragraphs: &[
                "Les projets enregistrés dans votre compte apparaissent sur la page «\u{a0}Compte\u{a0}», depuis n’importe quel navigateur où vous êtes connecté.",
                "Un projet non enregistré n’existe que dans le navigateur où vous l’avez créé. Enregistrez-le pour le garder. Quand vous commandez, la commande l’enregistre pour vous dans votre compte, avec ses photos.",
            ],
            link: Some(HelpLink {
                label: "Aller à mon compte",
                href: routes::ACCOUNT,
            }),
        },
    ],
};

const DELIVERY: HelpTopic = HelpTopic {
    slug: "livraison",
    title: "Livraison",
    answers: &[
        HelpAnswer {
            slug: "modes-et-tarifs",
            question: "Quels modes de livraison proposez-vous\u{a0}?",
            paragraphs: &[
                "Trois modes, au choix lors de la commande\u{a0}:",
                "Livraison standard\u{a0}: 4,99\u{a0}€, en 3 à 5 jours ouvrés.",
                "Point relais\u{a0}: 3,99\u{a0}€, en 3 à 6 jours ouvrés.",
                "Livraison express\u{a0}: 9,99\u{a0}€, en 1 à 2 jours ouvrés.",
                "La livraison standard et le point relais sont offerts dès 49\u{a0}€ de produits. La livraison express reste payante.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "delais",
            question: "Quels sont les délais de livraison\u{a0}?",
            paragraphs: &[
                "Le délai de chaque mode est affiché dans le panier et à l’étape «\u{a0}Mode de livraison\u{a0}» de la commande. Il est compté en jours ouvrés, du lundi au vendredi hors jours fériés.",
                "Suivez l’avancement de votre commande sur la page «\u{a0}Suivi de commande\u{a0}». Si votre colis n’est pas arrivé deux jours ouvrés après la fin du délai annoncé, écrivez-nous.",
            ],
            link: Some(HelpLink {
                label: "Voir mes commandes",
                href: routes::ORDERS,
            }),
        },
        HelpAnswer {
            slug: "point-relais",
            question: "Comment fonctionne la livraison en point relais\u{a0}?",
            paragraphs: &[
                "Choisissez «\u{a0}Point relais\u{a0}» à l’étape «\u{a0}Mode de livraison\u{a0}» de la commande\u{a0}: 3,99\u{a0}€, offert dès 49\u{a0}€ de produits, en 3 à 6 jours ouvrés.",
                "Le site ne permet pas encore de choisir un point relais précis sur une carte\u{a0}: votre colis est confié au point relais le plus proche de l’adresse de livraison que vous indiquez. Le transporteur vous prévient quand il est disponible, d’où l’intérêt de donner votre numéro de téléphone.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "etranger",
            question: "Livrez-vous à l’étranger\u{a0}?",
            paragraphs: &[
                "Pas encore\u{a0}: nous livrons uniquement en France et à Monaco. L’adresse de livraison doit se trouver dans l’un de ces deux pays.",
            ],
            link: None,
        },
    ],
};

const PAYMENT: HelpTopic = HelpTopic {
    slug: "paiement-et-debit",
    title: "Paiement et débit",
    answers: &[
        HelpAnswer {
            slug: "quand-suis-je-debite",
            question: "Quand suis-je débité\u{a0}?",
            paragraphs: &[
                "Par carte bancaire (Visa, Carte Bleue, American Express, Mastercard, Maestro), le montant est autorisé lors de la commande, et votre compte n’est débité qu’à l’expédition de vos produits.",
                "Avec Apple Pay ou Google Pay, votre compte est débité pendant le traitement de la commande, juste après votre paiement.",
            ],
            link: Some(HelpLink {
                label: "Tous nos modes de paiement",
                href: routes::PAYMENT_METHODS,
            }),
        },
        HelpAnswer {
            slug: "cartes-acceptees",
            question: "Quelles cartes acceptez-vous\u{a0}?",
            paragraphs: &[
                "Visa et Carte Bleue, American Express, Mastercard et Maestro. Vous payez dans le formulaire sécurisé de notre prestataire de services de paiement certifié, affiché dans la page de commande.",
                "On vous demande le numéro de la carte, sa date d’expiration et son code de sécurité\u{a0}: 3 chiffres au dos de la carte pour Visa, Carte Bleue, Mastercard et Maestro\u{a0}; 4 chiffres au recto, au-dessus du numéro, pour American Express.",
                "Une carte Carte Bleue qui est aussi Visa ou Mastercard vous laisse choisir le réseau qui traite le paiement.",
            ],
            link: Some(HelpLink {
                label: "Tous nos modes de paiement",
                href: routes::PAYMENT_METHODS,
            }),
        },
        HelpAnswer {
            slug: "apple-pay-google-pay",
            question: "Comment payer avec Apple Pay ou Google Pay\u{a0}?",
            paragraphs: &[
                "À l’étape «\u{a0}Récapitulatif\u{a0}» de la commande, le bouton Apple Pay ou Google Pay apparaît si votre appareil et votre navigateur le permettent. Vous vous authentifiez auprès de votre service de paiement, puis vous payez en un clic, sans saisir de carte.",
                "Votre compte est débité pendant le traitement de la commande. Le service photo ne reçoit jamais le numéro de votre carte.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "donnees-de-carte",
            question: "Mes données de carte sont-elles enregistrées\u{a0}?",
            paragraphs: &[
                "Non. Vos données de carte servent uniquement au traitement de la commande\u{a0}: elles sont saisies chez notre prestataire de paiement certifié et restent chez lui. Le service photo ne les voit pas et ne les enregistre jamais.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "paiement-refuse",
            question: "Mon paiement a été refusé\u{a0}: que faire\u{a0}?",
            paragraphs: &[
                "Votre commande est gardée. Ouvrez-la depuis la page «\u{a0}Suivi de commande\u{a0}» et payez de nouveau, avec la même carte ou une autre. Le message affiché vous dit si la banque a refusé, si la carte est expirée ou si l’authentification 3-D Secure n’a pas abouti.",
                "Si la fabrication dure plus longtemps que la validité de l’autorisation de votre carte, la commande indique «\u{a0}autorisation expirée\u{a0}»\u{a0}: payez de nouveau, vous ne serez toujours débité qu’à l’expédition.",
            ],
            link: Some(HelpLink {
                label: "Voir mes commandes",
                href: routes::ORDERS,
            }),
        },
    ],
};

const ACCOUNT: HelpTopic = HelpTopic {
    slug: "compte-et-deconnexion",
    title: "Compte et déconnexion",
    answers: &[
        HelpAnswer {
            slug: "creer-un-compte",
            question: "Dois-je créer un compte\u{a0}?",
            paragraphs: &[
                "Vous pouvez créer vos projets et remplir votre panier sans compte. Un compte est nécessaire pour enregistrer vos projets et pour commander\u{a0}: la commande vous propose de vous connecter ou de créer votre compte à sa première étape, sans rien perdre.",
                "Connectez-vous avec votre adresse e-mail et votre mot de passe personnel. Un nouveau mot de passe compte au moins 12 caractères\u{a0}; une phrase de passe de plusieurs mots est idéale.",
            ],
            link: Some(HelpLink {
                label: "Aller à mon compte",
                href: routes::ACCOUNT,
            }),
        },
        HelpAnswer {
            slug: "deconnexion",
            question: "Que se passe-t-il quand je me déconnecte\u{a0}?",
            paragraphs: &[
                "Lorsque vous vous déconnectez, tous les projets non enregistrés et votre panier sont supprimés, pour des raisons de sécurité.",
                "Avant la déconnexion, nous vous montrons ce qui sera perdu. Enregistrez d’abord dans votre compte les projets que vous voulez garder.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "reconnexion",
            question: "Pourquoi dois-je me reconnecter\u{a0}?",
            paragraphs: &[
                "Pour votre sécurité, votre session prend fin après 7 jours sans visite, et au plus tard 30 jours après la connexion. Reconnectez-vous\u{a0}: vous reprenez là où vous en étiez.",
                "Après plusieurs mots de passe erronés, les tentatives suivantes sont retardées quelques instants\u{a0}: le message indique combien de temps attendre.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "mot-de-passe-oublie",
            question: "J’ai oublié mon mot de passe\u{a0}: que faire\u{a0}?",
            paragraphs: &[
                "La réinitialisation du mot de passe n’est pas encore proposée en ligne. Écrivez-nous avec le formulaire de contact, depuis l’adresse e-mail de votre compte\u{a0}: nous vous aiderons à y accéder de nouveau.",
            ],
            link: Some(HelpLink {
                label: "Nous écrire",
                href: routes::HELP_CONTACT,
            }),
        },
    ],
};

const PHOTOS: HelpTopic = HelpTopic {
    slug: "photos-et-qualite",
    title: "Photos et qualité",
    answers: &[
        HelpAnswer {
            slug: "formats-acceptes",
            question: "Quels fichiers puis-je utiliser\u{a0}?",
            paragraphs: &[
                "Des photos JPEG, PNG ou WebP, de 25 Mo au plus chacune. Un projet compte 200 photos au plus.",
                "Les fichiers HEIC des iPhone ne sont pas encore acceptés\u{a0}: choisissez «\u{a0}Le plus compatible\u{a0}» dans les réglages de l’appareil photo, ou exportez vos photos en JPEG.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "resolution",
            question: "Quelle résolution pour un beau tirage\u{a0}?",
            paragraphs: &[
                "Pour un tirage net, comptez 300 pixels par pouce (2,54 cm)\u{a0}; en dessous de 150, l’image peut paraître floue ou pixelisée.",
                "Repères\u{a0}: environ 1\u{a0}200\u{a0}×\u{a0}1\u{a0}800 pixels pour un tirage 10\u{a0}×\u{a0}15 cm, 2\u{a0}400\u{a0}×\u{a0}3\u{a0}600 pixels pour un 20\u{a0}×\u{a0}30 cm. Pour un poster, regardé de plus loin, 150 pixels par pouce suffisent\u{a0}: environ 3\u{a0}000\u{a0}×\u{a0}4\u{a0}200 pixels pour un 50\u{a0}×\u{a0}70 cm.",
                "Utilisez le fichier d’origine\u{a0}: une photo envoyée par messagerie ou copiée d’un réseau social est souvent réduite.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "couleurs",
            question: "Pourquoi les couleurs imprimées diffèrent-elles de l’écran\u{a0}?",
            paragraphs: &[
                "Un écran éclaire l’image, le papier la reflète\u{a0}: un tirage paraît souvent un peu plus sombre. Évitez de régler la luminosité de l’écran au maximum pour juger vos photos, et préférez des fichiers en sRGB, l’espace de couleurs le plus courant.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "que-faites-vous-de-mes-photos",
            question: "Que faites-vous de mes photos\u{a0}?",
            paragraphs: &[
                "Elles servent uniquement à fabriquer vos produits. Un projet non enregistré reste dans votre navigateur. Un projet enregistré est gardé dans votre compte avec ses photos, jusqu’à ce que vous retiriez une photo ou supprimiez le projet.",
            ],
            link: Some(HelpLink {
                label: "Notre politique de confidentialité",
                href: routes::PRIVACY,
            }),
        },
    ],
};

const CLAIMS: HelpTopic = HelpTopic {
    slug: "reclamations",
    title: "Réclamations",
    answers: &[
        HelpAnswer {
            slug: "colis-abime",
            question: "Mon colis est arrivé abîmé\u{a0}: que faire\u{a0}?",
            paragraphs: &[
                "Si l’emballage est visiblement abîmé à la livraison, notez-le auprès du livreur ou du point relais avant de signer, en précisant les dommages.",
                "Écrivez-nous ensuite au plus tôt, si possible dans les 14 jours suivant la réception, avec le formulaire de contact (thème «\u{a0}Réclamation\u{a0}»)\u{a0}: indiquez la commande concernée et joignez à votre message une description des produits abîmés. Gardez le colis, l’emballage et les produits\u{a0}: nous pourrons vous demander des photos de l’emballage, de l’étiquette de transport et des produits.",
                "Nous vous répondons sous 2 jours ouvrés. Un dommage confirmé est réparé sans frais\u{a0}: nouvelle fabrication et envoi, ou remboursement. Vos garanties légales restent entières.",
            ],
            link: Some(HelpLink {
                label: "Nous écrire",
                href: routes::HELP_CONTACT,
            }),
        },
        HelpAnswer {
            slug: "mauvais-colis",
            question: "J’ai reçu un mauvais produit\u{a0}: que faire\u{a0}?",
            paragraphs: &[
                "Produit qui n’est pas le vôtre, mauvais format, photo manquante ou défaut d’impression\u{a0}: écrivez-nous au plus tôt, si possible dans les 14 jours suivant la réception, avec le formulaire de contact (thème «\u{a0}Réclamation\u{a0}»).",
                "Indiquez la commande concernée et ce qui ne va pas. Gardez les produits reçus\u{a0}: nous pourrons vous demander des photos des produits et de l’étiquette du colis. Nous vous répondons sous 2 jours ouvrés et refabriquons votre commande sans frais.",
            ],
            link: Some(HelpLink {
                label: "Nous écrire",
                href: routes::HELP_CONTACT,
            }),
        },
        HelpAnswer {
            slug: "colis-non-recu",
            question: "Mon colis n’est pas arrivé\u{a0}: que faire\u{a0}?",
            paragraphs: &[
                "Vérifiez d’abord le statut de la commande sur la page «\u{a0}Suivi de commande\u{a0}». Si elle est expédiée et que le colis n’est pas arrivé deux jours ouvrés après la fin du délai du mode de livraison choisi, écrivez-nous en précisant la commande\u{a0}: nous ouvrons une enquête auprès du transporteur et vous répondons sous 2 jours ouvrés.",
            ],
            link: Some(HelpLink {
                label: "Nous écrire",
                href: routes::HELP_CONTACT,
            }),
        },
        HelpAnswer {
            slug: "retour-et-retractation",
            question: "Puis-je retourner un produit qui ne me plaît pas\u{a0}?",
            paragraphs: &[
                "Nos produits sont fabriqués à partir de vos photos\u{a0}: ce sont des biens personnalisés, pour lesquels la loi ne prévoit pas de droit de rétractation (article L221-28 3° du Code de la consommation).",
                "Un produit abîmé ou non conforme à votre commande est en revanche couvert par les garanties légales\u{a0}: écrivez-nous, nous le refabriquons ou vous remboursons.",
            ],
            link: Some(HelpLink {
                label: "Nos conditions générales de vente",
                href: routes::TERMS,
            }),
        },
    ],
};

pub const HELP: HelpText = HelpText {
    title: "Aide et service client",
    intro: "Une question sur une commande, une livraison, un paiement ou vos photos\u{a0}? Cherchez parmi nos réponses, ou écrivez-nous.",
    search_label: "Rechercher dans l’aide",
    search_hint: "Par exemple\u{a0}: livraison, débit, résolution.",
    result_count: |n| match n {
        0 => "Aucune réponse ne correspond.".to_owned(),
        1 => "1 réponse correspond.".to_owned(),
        n => format!("{n} réponses correspondent."),
    },
    no_result: "Aucune réponse ne correspond à votre recherche. Essayez un autre mot, ou posez-nous votre question\u{a0}:",
    no_result_contact: "écrire au service client",
    topics_label: "Thèmes de l’aide",
    contact_heading: "Vous n’avez pas trouvé votre réponse\u{a0}?",
    contact_intro: "Écrivez-nous\u{a0}: nous vous répondons par e-mail sous 2 jours ouvrés.",
    contact_link: "Écrire au service client",
    breadcrumb_label: "Fil d’Ariane",
    related_heading: "Autres questions sur ce thème",
    still_need_help: "Cette réponse ne suffit pas\u{a0}?",
    answer_not_found: "Cette question n’existe pas ou plus dans notre aide.",
    back_to_help: "Toutes les questions",
    topics: &[ORDERS, DELIVERY, PAYMENT, ACCOUNT, PHOTOS, CLAIMS],
};

fn too_many(seconds: u64) -> String {
    let minutes = seconds.div_ceil(60);
    if minutes <= 1 {
        "Vous avez envoyé plusieurs demandes en peu de temps. Réessayez dans une minute.".to_owned()
    } else {
        format!(
            "Vous avez envoyé plusieurs demandes en peu de temps. Réessayez dans {minutes} minutes."
        )
    }
}

pub const CONTACT: ContactText = ContactText {
    title: "Écrire au service client",
    intro: "Posez votre question ici\u{a0}: nous vous répondons par e-mail sous 2 jours ouvrés. Tous les champs sont obligatoires, sauf la commande concernée.",
    topic_label: "Thème",
    topics: [
        "Commande et suivi",
        "Livraison",
        "Paiement et débit",
        "Compte",
        "Photos et qualité",
        "Réclamation (colis abîmé ou erroné)",
        "Autre question",
    ],
    order_label: "Commande concernée (facultatif)",
    order_hint: "Sa date, ou la fin de l’adresse de sa page dans «\u{a0}Suivi de commande\u{a0}» (après /commandes/).",
    message_label: "Votre message",
    message_hint: |max| format!("{} caractères au plus.", group_thousands(max)),
    email_label: "Adresse e-mail pour la réponse",
    email_hint: "Nous l’utilisons uniquement pour vous répondre.",
    send_button: "Envoyer ma demande",
    sending: "Envoi…",
    sent_heading: "Demande envoyée",
    reference_label: "Votre référence\u{a0}:",
    sent_body: |email| {
        format!("Nous vous répondons par e-mail à l’adresse {email}, sous 2 jours ouvrés.")
    },
    keep_reference: "Gardez cette référence\u{a0}: rappelez-la si vous nous écrivez de nouveau.",
    another_request: "Envoyer une autre demande",
    back_to_help: "Retour à l’aide",
    errors: ContactErrors {
        message_required: "Écrivez votre message.",
        message_too_long: |max| {
            format!(
                "Votre message dépasse {} caractères\u{a0}: raccourcissez-le.",
                group_thousands(max)
            )
        },
        order_too_long: |max| format!("Ce champ compte {max} caractères au plus."),
        email_required: "Saisissez votre adresse e-mail\u{a0}: nous en avons besoin pour vous répondre.",
        email_invalid: "Cette adresse e-mail ne semble pas valide (exemple\u{a0}: prenom.nom@exemple.fr).",
        too_many,
        network: "Le service ne répond pas. Vérifiez votre connexion internet et réessayez\u{a0}: votre message est gardé.",
        unexpected: "Une erreur inattendue s’est produite. Réessayez dans un instant\u{a0}: votre message est gardé.",
    },
};

/// 3000 → "3\u{a0}000", the French way (narrow space would also do; the shop
/// uses the no-break space everywhere).
fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}
