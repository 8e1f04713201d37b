//! French: the legal pages. Company details are placeholders, marked
//! « exemple » or « à compléter », until the shop's real ones are known.
//! Facts about payment, delivery, cookies and storage follow the code
//! (ARCHITECTURE.md); change them together.

use crate::i18n::*;
use LegalBlock::{List, Paragraph};

const PUBLISHER: &str = "Service Photo SAS (exemple), société par actions simplifiée au capital de [à compléter]\u{a0}€, immatriculée au RCS de [ville à compléter] sous le numéro [à compléter], TVA intracommunautaire [à compléter].";
const ADDRESS: &str = "Siège social\u{a0}: [adresse postale à compléter], France.";

pub const LEGAL: LegalTexts = LegalTexts {
    contents_label: "Sommaire",
    terms_version: |version| format!("Version en vigueur\u{a0}: {version}."),
    notice: LegalText {
        link: "Mentions légales",
        title: "Mentions légales",
        intro: "Informations sur l’éditeur et l’hébergeur du site, prévues par la loi pour la confiance dans l’économie numérique (LCEN). Les coordonnées marquées «\u{a0}exemple\u{a0}» ou «\u{a0}à compléter\u{a0}» sont provisoires.",
        sections: &[
            LegalSection {
                id: "editeur",
                heading: "Éditeur du site",
                blocks: &[
                    Paragraph(PUBLISHER),
                    Paragraph(ADDRESS),
                    Paragraph(
                        "Directeur ou directrice de la publication\u{a0}: [nom à compléter].",
                    ),
                ],
            },
            LegalSection {
                id: "hebergeur",
                heading: "Hébergeur",
                blocks: &[Paragraph(
                    "Hébergeur Exemple SAS (exemple), [adresse postale à compléter], téléphone\u{a0}: [à compléter].",
                )],
            },
            LegalSection {
                id: "contact",
                heading: "Nous contacter",
                blocks: &[
                    Paragraph(
                        "Par le formulaire de contact de l’aide (rubrique «\u{a0}Aide et service client\u{a0}»)\u{a0}: chaque demande reçoit une référence et une réponse par e-mail.",
                    ),
                    Paragraph(
                        "Par courrier\u{a0}: Service Photo SAS (exemple), [adresse postale à compléter].",
                    ),
                ],
            },
            LegalSection {
                id: "propriete",
                heading: "Propriété intellectuelle",
                blocks: &[Paragraph(
                    "Les textes, illustrations et le code du site appartiennent à l’éditeur. Vos photos restent les vôtres\u{a0}: nous les utilisons uniquement pour fabriquer vos produits.",
                )],
            },
        ],
    },
    terms: LegalText {
        link: "Conditions générales de vente",
        title: "Conditions générales de vente",
        intro: "Ces conditions s’appliquent aux commandes passées sur ce site par des consommateurs. Vous les acceptez en passant commande\u{a0}; la version acceptée est celle en vigueur ce jour-là.",
        sections: &[
            LegalSection {
                id: "vendeur",
                heading: "1. Vendeur",
                blocks: &[Paragraph(PUBLISHER), Paragraph(ADDRESS)],
            },
            LegalSection {
                id: "produits",
                heading: "2. Produits",
                blocks: &[
                    Paragraph(
                        "Nous fabriquons des tirages, livres photo, calendriers et posters à partir des photos que vous choisissez dans nos outils de création. Chaque produit est décrit, avec ses formats et options, dans le catalogue.",
                    ),
                    Paragraph(
                        "Vous garantissez détenir les droits sur les photos envoyées (droit d’auteur, droit à l’image des personnes représentées) et qu’elles ne sont pas illicites.",
                    ),
                ],
            },
            LegalSection {
                id: "prix",
                heading: "3. Prix",
                blocks: &[
                    Paragraph(
                        "Les prix sont indiqués en euros, toutes taxes comprises (TVA française de 20\u{a0}% incluse). Les frais de livraison sont indiqués avant le paiement, au panier et à l’étape «\u{a0}Mode de livraison\u{a0}».",
                    ),
                    Paragraph(
                        "Le prix facturé est celui affiché au récapitulatif de la commande, calculé par nos serveurs au moment où vous la passez.",
                    ),
                ],
            },
            LegalSection {
                id: "commande",
                heading: "4. Commande",
                blocks: &[
                    Paragraph(
                        "Pour commander, vous enregistrez vos projets dans votre compte, puis vous indiquez l’adresse de livraison, choisissez le mode de livraison, vérifiez le récapitulatif et payez. Le contrat est conclu lorsque le paiement est accepté\u{a0}: la page de la commande l’indique alors comme confirmée.",
                    ),
                    Paragraph(
                        "Vous pouvez annuler une commande depuis sa page tant qu’elle n’est pas expédiée, sans frais.",
                    ),
                ],
            },
            LegalSection {
                id: "paiement",
                heading: "5. Paiement et moment du débit",
                blocks: &[
                    List(&[
                        "Cartes Visa, Carte Bleue, American Express, Mastercard et Maestro\u{a0}: vous payez dans le formulaire sécurisé de notre prestataire de services de paiement certifié. Le montant est autorisé lors de la commande et votre compte n’est débité qu’à l’expédition de vos produits. Si l’autorisation expire avant l’expédition, nous vous demandons de payer de nouveau\u{a0}; le débit a toujours lieu à l’expédition.",
                        "Apple Pay et Google Pay\u{a0}: vous vous authentifiez auprès de votre service de paiement et votre compte est débité pendant le traitement de la commande. Une commande annulée avant l’expédition est remboursée.",
                    ]),
                    Paragraph(
                        "Vos données de carte servent uniquement au traitement de la commande\u{a0}: elles restent chez notre prestataire de paiement et le service photo ne les enregistre jamais.",
                    ),
                ],
            },
            LegalSection {
                id: "livraison",
                heading: "6. Livraison",
                blocks: &[
                    Paragraph("Nous livrons en France et à Monaco. Modes, prix et délais\u{a0}:"),
                    List(&[
                        "Livraison standard\u{a0}: 4,99\u{a0}€, en 3 à 5 jours ouvrés.",
                        "Point relais\u{a0}: 3,99\u{a0}€, en 3 à 6 jours ouvrés, dans le point relais le plus proche de l’adresse indiquée.",
                        "Livraison express\u{a0}: 9,99\u{a0}€, en 1 à 2 jours ouvrés.",
                    ]),
                    Paragraph(
                        "La livraison standard et le point relais sont offerts dès 49\u{a0}€ de produits. Les risques de perte ou d’endommagement vous sont transférés lorsque vous, ou la personne que vous désignez, prenez physiquement possession des produits. En cas de retard, vous pouvez nous demander de livrer dans un délai raisonnable, puis, à défaut, résoudre le contrat, comme le prévoit le Code de la consommation.",
                    ),
                ],
            },
            LegalSection {
                id: "retractation",
                heading: "7. Absence de droit de rétractation",
                blocks: &[
                    Paragraph(
                        "Nos produits sont confectionnés selon vos spécifications et nettement personnalisés, à partir de vos photos. Conformément à l’article L221-28 3° du Code de la consommation, le droit de rétractation ne s’applique pas à ces biens.",
                    ),
                    Paragraph(
                        "Cela ne limite pas vos garanties légales (article 8) ni la possibilité d’annuler une commande avant son expédition (article 4).",
                    ),
                ],
            },
            LegalSection {
                id: "garanties",
                heading: "8. Garanties légales",
                blocks: &[
                    Paragraph(
                        "Garantie légale de conformité (articles L217-3 et suivants du Code de la consommation)\u{a0}: pendant deux ans à compter de la livraison, vous pouvez obtenir la mise en conformité d’un produit non conforme, par réparation ou remplacement, ou à défaut une réduction du prix ou la résolution du contrat. Pendant ce délai, vous n’avez pas à prouver que le défaut existait à la livraison. Cette garantie s’applique indépendamment de tout geste commercial.",
                    ),
                    Paragraph(
                        "Garantie des vices cachés (articles 1641 et suivants du Code civil)\u{a0}: vous pouvez agir dans les deux ans suivant la découverte du vice, et choisir entre la résolution de la vente et une réduction du prix.",
                    ),
                    Paragraph(
                        "Pour faire jouer une garantie, écrivez-nous avec le formulaire de contact (thème «\u{a0}Réclamation\u{a0}»), en indiquant la commande concernée.",
                    ),
                ],
            },
            LegalSection {
                id: "mediation",
                heading: "9. Service client et médiation",
                blocks: &[
                    Paragraph(
                        "Pour toute réclamation, écrivez d’abord à notre service client par le formulaire de contact de l’aide. Nous vous répondons sous 2 jours ouvrés.",
                    ),
                    Paragraph(
                        "Si votre réclamation écrite n’a pas abouti, vous pouvez recourir gratuitement au médiateur de la consommation\u{a0}: [nom du médiateur à compléter] (exemple), [adresse et site à compléter].",
                    ),
                ],
            },
            LegalSection {
                id: "donnees",
                heading: "10. Données personnelles",
                blocks: &[Paragraph(
                    "Le traitement de vos données est décrit dans notre politique de confidentialité.",
                )],
            },
            LegalSection {
                id: "droit",
                heading: "11. Droit applicable",
                blocks: &[Paragraph(
                    "Ces conditions sont soumises au droit français. Vous pouvez saisir, à votre choix, le tribunal du lieu où vous demeuriez lors de la commande ou lors du fait dommageable.",
                )],
            },
        ],
    },
    privacy: LegalText {
        link: "Confidentialité",
        title: "Politique de confidentialité",
        intro: "Ce que nous collectons, pourquoi, combien de temps nous le gardons, et comment exercer vos droits au titre du règlement général sur la protection des données (RGPD).",
        sections: &[
            LegalSection {
                id: "responsable",
                heading: "Responsable du traitement",
                blocks: &[Paragraph(
                    "Service Photo SAS (exemple), [adresse postale à compléter]. Contact\u{a0}: le formulaire de contact de l’aide.",
                )],
            },
            LegalSection {
                id: "donnees",
                heading: "Ce que nous collectons, pourquoi et combien de temps",
                blocks: &[List(&[
                    "Votre compte\u{a0}: adresse e-mail et mot de passe, que nous ne gardons que sous forme d’empreinte (Argon2id), pour vous identifier (exécution du contrat). Gardés jusqu’à la suppression du compte, que vous pouvez demander à tout moment.",
                    "Votre session\u{a0}: un jeton aléatoire dans le cookie sp_session, dont nous ne gardons que l’empreinte. Il prend fin à la déconnexion, après 7 jours sans visite, et au plus tard 30 jours après la connexion.",
                    "Vos projets enregistrés et leurs photos, pour les fabriquer et vous les rendre accessibles depuis tout navigateur (exécution du contrat). Gardés jusqu’à ce que vous retiriez la photo ou supprimiez le projet, ou jusqu’à la suppression du compte.",
                    "Votre panier, lorsque vous êtes connecté. Il est supprimé à la déconnexion.",
                    "Vos commandes\u{a0}: produits, montants, adresse de livraison (nom, adresse, téléphone) et état du paiement, pour les fabriquer, les livrer et les facturer. Gardées 10 ans, durée de conservation des pièces comptables (article L123-22 du Code de commerce).",
                    "Le paiement\u{a0}: nous ne recevons jamais le numéro, la date d’expiration ni le code de votre carte\u{a0}; nous gardons seulement la référence et l’état du paiement chez notre prestataire.",
                    "Vos demandes au service client\u{a0}: thème, commande concernée, message, adresse e-mail et adresse IP d’envoi, pour vous répondre\u{a0}; l’adresse IP sert à limiter les envois abusifs (intérêt légitime). Gardées 3 ans après notre réponse.",
                ])],
            },
            LegalSection {
                id: "destinataires",
                heading: "Qui les reçoit",
                blocks: &[
                    List(&[
                        "Notre prestataire de services de paiement certifié, pour les paiements.",
                        "Le transporteur, pour la livraison\u{a0}: nom, adresse et téléphone du destinataire.",
                        "Notre hébergeur, qui stocke les données pour notre compte.",
                    ]),
                    Paragraph(
                        "Nous ne vendons pas vos données et ne les utilisons pas pour de la publicité.",
                    ),
                ],
            },
            LegalSection {
                id: "droits",
                heading: "Vos droits et comment les exercer",
                blocks: &[
                    Paragraph(
                        "Vous disposez d’un droit d’accès, de rectification, d’effacement, de limitation, de portabilité et d’opposition, ainsi que du droit de définir des directives sur le sort de vos données après votre décès.",
                    ),
                    Paragraph(
                        "Pour les exercer, écrivez-nous avec le formulaire de contact (thème «\u{a0}Compte\u{a0}»), depuis l’adresse e-mail de votre compte, ou par courrier à l’adresse ci-dessus. Nous vous répondons dans un délai d’un mois.",
                    ),
                    Paragraph(
                        "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (Commission nationale de l’informatique et des libertés), sur www.cnil.fr ou par courrier\u{a0}: 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.",
                    ),
                ],
            },
            LegalSection {
                id: "securite",
                heading: "Sécurité",
                blocks: &[Paragraph(
                    "Les échanges avec le site sont chiffrés. Les mots de passe et les jetons de session ne sont jamais stockés en clair. Les données de carte restent chez notre prestataire de paiement.",
                )],
            },
        ],
    },
    cookies: LegalText {
        link: "Cookies et stockage",
        title: "Cookies et stockage",
        intro: "Le site n’utilise qu’un cookie, nécessaire à la connexion, et garde dans votre navigateur ce qui vous évite de perdre votre travail. Aucun traceur, aucune mesure d’audience, aucune publicité\u{a0}: c’est pourquoi nous ne vous demandons pas de consentement.",
        sections: &[
            LegalSection {
                id: "cookie",
                heading: "Le cookie de session",
                blocks: &[
                    Paragraph(
                        "sp_session\u{a0}: un jeton aléatoire qui vous garde connecté. Il est inaccessible aux scripts (HttpOnly), n’est envoyé qu’à ce site (SameSite) et, en ligne, uniquement par une connexion chiffrée (Secure).",
                    ),
                    Paragraph(
                        "Il disparaît à la déconnexion, après 7 jours sans visite, et au plus tard 30 jours après la connexion. Strictement nécessaire au service que vous demandez, il n’exige pas votre consentement.",
                    ),
                ],
            },
            LegalSection {
                id: "navigateur",
                heading: "Ce que garde votre navigateur",
                blocks: &[
                    List(&[
                        "Stockage local (localStorage)\u{a0}: la langue choisie (service-photo.locale), le fait que ce navigateur a eu une session, pour vous dire qu’elle a expiré (service-photo.had-session), le panier d’un visiteur non connecté (service-photo.panier) et la copie du panier de votre compte (service-photo.panier-compte).",
                        "Base IndexedDB service-photo-projets\u{a0}: vos projets, leurs photos et leurs vignettes, y compris les projets non enregistrés dans votre compte.",
                        "Stockage de session (sessionStorage)\u{a0}: la commande en cours de paiement et la clé qui évite de la créer deux fois (service-photo.commande.cle, service-photo.commande.en-cours). Ils disparaissent à la fermeture de l’onglet.",
                    ]),
                    Paragraph(
                        "Ces données restent sur votre appareil\u{a0}: elles ne nous sont pas envoyées, sauf lorsque vous enregistrez un projet ou votre panier dans votre compte.",
                    ),
                ],
            },
            LegalSection {
                id: "effacer",
                heading: "Les effacer",
                blocks: &[Paragraph(
                    "La déconnexion efface le stockage local, le stockage de session et les projets de ce navigateur, y compris les projets non enregistrés et le panier\u{a0}: nous vous montrons ce qui sera perdu avant. Vous pouvez aussi tout effacer dans les réglages de votre navigateur.",
                )],
            },
            LegalSection {
                id: "tiers",
                heading: "Services tiers",
                blocks: &[Paragraph(
                    "Le formulaire de carte est servi par notre prestataire de paiement, depuis son propre site, et relève de sa politique. Apple Pay et Google Pay s’affichent par votre navigateur et relèvent de la politique d’Apple et de Google.",
                )],
            },
        ],
    },
    accessibility: LegalText {
        link: "Accessibilité\u{a0}: partiellement conforme",
        title: "Déclaration d’accessibilité",
        intro: "Service Photo SAS (exemple) s’engage à rendre son site accessible, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique au site de la boutique Service Photo.",
        sections: &[
            LegalSection {
                id: "etat",
                heading: "État de conformité",
                blocks: &[
                    Paragraph(
                        "Le site est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2.",
                    ),
                    Paragraph(
                        "Cet état repose sur nos propres vérifications\u{a0}: aucun audit complet n’a encore été réalisé. Il sera confirmé ou corrigé par un audit, et cette déclaration mise à jour.",
                    ),
                ],
            },
            LegalSection {
                id: "verifications",
                heading: "Nos vérifications",
                blocks: &[List(&[
                    "Contrôle automatique de chaque page avec axe-core, dans Chromium, y compris sur un écran de 375 pixels de large.",
                    "Parcours complets au clavier seul\u{a0}: navigation, création de compte, panier, commande et paiement.",
                    "Titres de page, titre principal unique et déplacement du focus à chaque changement de page.",
                    "Contrastes des textes d’au moins 4,5:1.",
                ])],
            },
            LegalSection {
                id: "non-accessible",
                heading: "Contenus non accessibles ou non vérifiés",
                blocks: &[List(&[
                    "Le site n’a pas encore été testé avec des lecteurs d’écran ni par des personnes en situation de handicap.",
                    "Le formulaire de carte bancaire est fourni par notre prestataire de paiement\u{a0}; son accessibilité relève de lui.",
                    "Les fenêtres d’Apple Pay et de Google Pay sont affichées par votre appareil.",
                    "Vos photos n’ont pas de description textuelle\u{a0}: elles sont désignées par leur numéro dans le projet.",
                ])],
            },
            LegalSection {
                id: "etablissement",
                heading: "Établissement de cette déclaration",
                blocks: &[Paragraph(
                    "Déclaration établie le 1er décembre 2026. Technologies utilisées\u{a0}: HTML, CSS, WAI-ARIA, WebAssembly et JavaScript.",
                )],
            },
            LegalSection {
                id: "contact",
                heading: "Retour d’information et contact",
                blocks: &[Paragraph(
                    "Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez-nous avec le formulaire de contact de l’aide (thème «\u{a0}Autre question\u{a0}») ou par courrier à Service Photo SAS (exemple), [adresse postale à compléter]\u{a0}: nous vous proposerons une autre façon d’y accéder.",
                )],
            },
            LegalSection {
                id: "recours",
                heading: "Voies de recours",
                blocks: &[
                    Paragraph(
                        "Si vous nous avez signalé un défaut d’accessibilité sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des droits\u{a0}:",
                    ),
                    List(&[
                        "par le formulaire en ligne sur www.defenseurdesdroits.fr\u{a0};",
                        "en contactant le délégué du Défenseur des droits de votre région\u{a0};",
                        "par téléphone au 09 69 39 00 00\u{a0};",
                        "par courrier, gratuitement, sans timbre\u{a0}: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
                    ]),
                ],
            },
        ],
    },
};
