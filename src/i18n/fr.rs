//! French, the shop's first language.

use super::*;

mod account_settings;
mod help;
mod legal;

fn cart_link_label(count: u32) -> String {
    match count {
        0 => "Panier, vide".to_owned(),
        1 => "Panier, 1 article".to_owned(),
        n => format!("Panier, {n} articles"),
    }
}

const CARD_PRIVACY: &str = "Vos données de carte servent uniquement au traitement de la commande\u{a0}: le service photo ne les enregistre jamais, elles restent chez notre prestataire de paiement certifié.";
const CARD_DEBIT: &str = "Votre compte est débité seulement à l’expédition de vos produits.";
const CARD_HOW: &str = "Vous payez dans le formulaire sécurisé de notre prestataire de services de paiement certifié, affiché dans la page de commande.";

fn cart_lines(count: u32) -> String {
    match count {
        0 | 1 => format!("{count} produit"),
        n => format!("{n} produits"),
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count <= 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}

fn too_many_attempts(seconds: u64) -> String {
    match seconds {
        0..=1 => "Trop de tentatives. Réessayez dans une seconde.".to_owned(),
        2..=119 => format!("Trop de tentatives. Réessayez dans {seconds} secondes."),
        _ => format!(
            "Trop de tentatives. Réessayez dans {} minutes.",
            seconds.div_ceil(60)
        ),
    }
}

fn busy(seconds: u64) -> String {
    format!(
        "Le service est très sollicité en ce moment. Réessayez dans {} secondes\u{a0}: \
         rien de ce que vous avez saisi n’est perdu.",
        seconds.max(2)
    )
}

/// When the shopper may ask again, after "dans".
fn delay(seconds: u64) -> String {
    match seconds {
        0..=1 => "une seconde".to_owned(),
        2..=119 => format!("{seconds} secondes"),
        _ => format!("{} minutes", seconds.div_ceil(60)),
    }
}

pub static STRINGS: Strings = Strings {
    language_name: "Français",
    shop_name: "Service Photo",
    skip_to_content: "Aller au contenu",
    main_nav_label: "Navigation principale",
    nav_orders: "Suivi de commande",
    nav_help: "Aide et service client",
    nav_account: "Compte",
    nav_cart: "Panier",
    cart_link_label,
    footer_nav_label: "Informations",
    footer_payment_methods: "Nos modes de paiement",
    switch_language_label: "Afficher le site en anglais",
    home: HomeText {
        title: "Accueil",
        heading: "Vos photos, imprimées avec soin",
        intro: "Tirages, livres photo, calendriers et posters\u{a0}: créez vos produits photo, retrouvez-les dans votre compte et suivez votre commande jusqu’à chez vous.",
        products_heading: "Nos produits photo",
        from_price: "à partir de",
        loading: "Chargement du catalogue…",
        catalogue_unavailable: "Le catalogue n’a pas pu être chargé. Vérifiez votre connexion internet.",
        retry: "Réessayer",
        payment_note: "Carte bancaire, Apple Pay ou Google Pay\u{a0}: payez comme vous le souhaitez, en toute sécurité.",
        payment_link: "Découvrir nos modes de paiement",
        create: "Créer",
    },
    cart: CartText {
        title: "Panier",
        empty: "Votre panier est vide.",
        browse: "Découvrir nos produits photo",
        lines_label: "Produits du panier",
        units_per_copy: |n| format!("{n} tirages par exemplaire"),
        pages: |pages| format!("{pages} pages"),
        copies_label: "Exemplaires",
        fewer_copies: |name| format!("Un exemplaire de moins\u{a0}: {name}"),
        more_copies: |name| format!("Un exemplaire de plus\u{a0}: {name}"),
        remove: "Retirer",
        remove_line: |name| format!("Retirer du panier\u{a0}: {name}"),
        delivery_legend: "Mode de livraison",
        delivery_days: |min, max| format!("{min} à {max} jours ouvrés"),
        free_above_threshold: "offerte dès le seuil",
        totals_heading: "Récapitulatif",
        totals_loading: "Calcul des montants…",
        totals_unavailable: "Les montants n’ont pas pu être calculés. Vérifiez votre connexion internet.",
        subtotal: "Sous-total",
        delivery: "Livraison",
        delivery_to_choose: "à choisir",
        delivery_free: "offerte",
        vat_included: "Dont TVA (20 %)",
        total: "Total TTC",
        free_delivery_missing: |missing, threshold| {
            format!(
                "Plus que {missing} d’achats pour la livraison offerte\u{a0}: standard et point relais sont offerts dès {threshold} de produits."
            )
        },
        free_delivery_reached: |threshold| {
            format!(
                "Livraison standard et point relais offertes\u{a0}: vos produits atteignent {threshold}."
            )
        },
        sync_unreachable: "Votre panier n’a pas pu être enregistré dans votre compte\u{a0}: vérifiez votre connexion. Il reste affiché ici.",
        sync_refused: "Votre compte a refusé la dernière modification du panier. Rechargez la page pour voir le panier enregistré.",
        checkout: "Commander",
        checkout_sign_in: "Un compte est nécessaire pour commander\u{a0}: vous pourrez vous connecter ou en créer un à l’étape suivante.",
    },
    project: ProjectText {
        new_title: "Nouveau projet",
        editor_title: "Votre projet",
        loading: "Chargement du projet…",
        downloading: |done, total| {
            format!("Récupération des photos depuis votre compte\u{a0}: {done} sur {total}…")
        },
        not_found: "Ce projet n’est ni dans ce navigateur ni dans votre compte.",
        load_failed: "Le projet n’a pas pu être chargé. Vérifiez votre connexion internet.",
        storage_unavailable: "Ce navigateur ne peut pas conserver de projet (navigation privée ou stockage désactivé).",
        unknown_product: "Ce produit n’existe pas dans notre catalogue.",
        storage_failed: "Ce navigateur n’a pas pu garder votre dernière modification. Enregistrez le projet dans votre compte pour ne rien perdre.",
        saved_status: "Enregistré dans votre compte.",
        unsaved_status: "Non enregistré\u{a0}: ce projet n’existe que dans ce navigateur.",
        options_legend: "Options",
        name_label: "Nom du projet",
        format_label: "Format",
        pages_label: "Nombre de pages",
        cover_label: "Couverture",
        prints_rule: "Un tirage par photo\u{a0}: ajoutez une photo pour chaque tirage voulu.",
        photos_heading: "Photos",
        photo_count: |n| format!("({})", plural(n, "photo", "photos")),
        add_photos: "Ajouter des photos",
        add_photos_hint: "JPEG, PNG ou WebP, 25 Mo au plus par photo. Sur ordinateur, vous pouvez aussi déposer vos photos ici.",
        adding_photos: |done, total| format!("Ajout des photos\u{a0}: {done} sur {total}…"),
        refused_heading: "Ces fichiers n’ont pas été ajoutés\u{a0}; le reste du projet est conservé\u{a0}:",
        refusal_unsupported: "ce n’est pas une photo JPEG, PNG ou WebP.",
        refusal_too_large: "la photo dépasse 25 Mo.",
        refusal_unreadable: "le fichier ne peut pas être lu comme une image.",
        refusal_storage: "ce navigateur n’a pas pu la conserver (espace de stockage plein\u{a0}?).",
        refusal_too_many: "un projet compte 200 photos au plus.",
        refusal_server_invalid: "notre serveur l’a refusée\u{a0}: son contenu n’est pas une image JPEG, PNG ou WebP valide.",
        photo_label: |n| format!("Photo {n}"),
        move_earlier: |n| format!("Déplacer la photo {n} vers le début"),
        move_later: |n| format!("Déplacer la photo {n} vers la fin"),
        remove_photo: |n| format!("Retirer la photo {n}"),
        summary_heading: "Votre commande",
        ready: "Votre projet est prêt à être commandé.",
        rule_no_photos: "Ajoutez au moins une photo.",
        rule_pages: |pages, photos| {
            format!(
                "Un livre de {pages} pages demande au moins {pages} photos, une par page\u{a0}: il en manque {}.",
                pages.saturating_sub(photos)
            )
        },
        rule_prints: |prints, photos| {
            format!("Un tirage par photo\u{a0}: {prints} tirages pour {photos} photos.")
        },
        rule_exact: |needed, photos| {
            if photos < needed {
                format!(
                    "Ce produit demande exactement {needed} photos\u{a0}: il en manque {}.",
                    needed - photos
                )
            } else {
                format!(
                    "Ce produit demande exactement {}\u{a0}: retirez-en {}.",
                    plural(needed as usize, "photo", "photos"),
                    photos - needed
                )
            }
        },
        rule_too_many: |max| format!("Un projet compte {max} photos au plus."),
        price_label: "Prix\u{a0}:",
        price_loading: "calcul…",
        price_unavailable: "indisponible pour le moment",
        add_to_cart: "Ajouter au panier",
        in_cart: "Ce projet est dans votre panier.",
        view_cart: "Voir le panier",
        cart_full: |max| {
            format!(
                "Votre panier contient déjà {max}\u{a0}projets, le maximum d’une commande. Passez d’abord commande, ou retirez un projet du panier."
            )
        },
        order_now: "Commander",
        save_button: "Enregistrer",
        saving: "Enregistrement…",
        sign_in_to_save: "Connectez-vous pour enregistrer ce projet dans votre compte",
        saved_notice: "Projet enregistré dans votre compte\u{a0}: vous le retrouvez sur la page Compte, depuis n’importe quel navigateur.",
        save_interrupted: "L’enregistrement a été interrompu. Vos photos restent dans ce navigateur\u{a0}: cliquez de nouveau sur Enregistrer pour envoyer celles qui manquent.",
        save_signed_out: "Votre session a pris fin. Reconnectez-vous puis enregistrez de nouveau\u{a0}: le projet est gardé dans ce navigateur.",
        save_failed: "Le projet n’a pas pu être enregistré. Il reste dans ce navigateur\u{a0}; réessayez dans un instant.",
        upload_label: "Envoi des photos",
        upload_status: |photo, photos| format!("Envoi de la photo {photo} sur {photos}"),
    },
    account: AccountText {
        title: "Compte",
        intro: "Connectez-vous avec votre adresse e-mail et votre mot de passe personnel, ou créez un nouveau compte.",
        sign_out_warning: "Lorsque vous vous déconnectez, tous les projets non enregistrés et votre panier sont supprimés, pour des raisons de sécurité.",
        sign_in_heading: "Se connecter",
        create_heading: "Créer un compte",
        email_label: "Adresse e-mail",
        password_label: "Mot de passe",
        new_password_hint: "Au moins 12 caractères. Une phrase de passe, avec espaces et accents, est idéale\u{a0}; les mots de passe courants sont refusés.",
        show_password: "Afficher le mot de passe",
        hide_password: "Masquer le mot de passe",
        sign_in_button: "Se connecter",
        create_button: "Créer mon compte",
        pending: "Un instant…",
        signed_in_as: "Vous êtes connecté avec l’adresse",
        sign_out_button: "Se déconnecter",
        confirm_heading: "Se déconnecter\u{a0}?",
        confirm_intro: "Pour votre sécurité, la déconnexion supprime de ce navigateur\u{a0}:",
        unsaved_projects_label: "Projets non enregistrés",
        no_unsaved_projects: "aucun",
        cart_label: "Panier",
        cart_lines,
        saved_projects_heading: "Vos projets enregistrés",
        projects_loading: "Chargement de vos projets…",
        no_saved_projects: "Aucun projet enregistré pour le moment.",
        projects_unavailable: "Vos projets n’ont pas pu être chargés. Vérifiez votre connexion internet.",
        photo_count: |n| plural(n as usize, "photo", "photos"),
        unsaved_projects_heading: "Projets non enregistrés",
        unsaved_projects_intro: "Ces projets n’existent que dans ce navigateur\u{a0}: enregistrez-les pour les garder.",
        confirm_button: "Me déconnecter et tout supprimer",
        cancel_button: "Annuler",
        session_expired: "Votre session a expiré. Reconnectez-vous pour continuer là où vous en étiez.",
        more_projects: "Afficher plus de projets",
        more_failed: "La suite de la liste n’a pas pu être chargée. Vérifiez votre connexion internet et réessayez.",
        photo_quota_reached: "L’espace photos de votre compte est plein. Supprimez des projets enregistrés dont vous n’avez plus besoin, puis enregistrez de nouveau\u{a0}: ce projet reste dans ce navigateur.",
        project_quota_reached: "Votre compte garde déjà le nombre maximal de projets. Supprimez un projet enregistré dont vous n’avez plus besoin, puis enregistrez de nouveau\u{a0}: ce projet reste dans ce navigateur.",
        manage_projects: "Gérer mes projets enregistrés",
        delete_project_button: "Supprimer",
        delete_project_label: |name| format!("Supprimer le projet «\u{a0}{name}\u{a0}»"),
        delete_project_confirm: |name| {
            format!(
                "Supprimer «\u{a0}{name}\u{a0}» et ses photos de votre compte\u{a0}? Les commandes déjà passées ne changent pas."
            )
        },
        delete_project_confirm_button: "Oui, supprimer",
        delete_project_failed: "Le projet n’a pas pu être supprimé. Vérifiez votre connexion internet et réessayez.",
        signed_in_nav_label: "Compte, connecté",
        forgot_password_link: "Mot de passe oublié\u{a0}?",
        sign_up_written: |email| {
            format!(
                "Nous vous avons écrit à {email}. Si cette adresse a déjà un compte, connectez-vous ou choisissez «\u{a0}Mot de passe oublié\u{a0}?\u{a0}»."
            )
        },
        errors: AccountErrors {
            email_required: "Saisissez votre adresse e-mail.",
            email_invalid: "Cette adresse e-mail ne semble pas valide (exemple\u{a0}: prenom.nom@exemple.fr).",
            password_required: "Saisissez votre mot de passe.",
            password_too_short: "Le mot de passe doit compter au moins 12 caractères.",
            password_too_long: "Le mot de passe ne peut pas dépasser 256 caractères.",
            password_too_weak: "Ce mot de passe est trop courant ou trop facile à deviner. Essayez une phrase de passe de plusieurs mots.",
            email_taken: "Un compte existe déjà avec cette adresse. Connectez-vous plutôt.",
            invalid_credentials: "Adresse e-mail ou mot de passe incorrect.",
            too_many_attempts,
            busy,
            network: "Le service ne répond pas. Vérifiez votre connexion internet et réessayez.",
            unexpected: "Une erreur inattendue s’est produite. Réessayez dans un instant.",
            sign_out_failed: "La déconnexion n’a pas abouti. Vérifiez votre connexion et réessayez\u{a0}: rien n’a été supprimé.",
        },
    },
    verification: VerificationText {
        reminder: |email| {
            format!("Confirmez votre adresse e-mail\u{a0}: nous avons envoyé un lien à {email}.")
        },
        resend_button: "Renvoyer le lien",
        resend_pending: "Envoi du lien…",
        sent: "Lien envoyé.",
        too_soon: |seconds| {
            format!(
                "Un lien vient déjà de partir. Vous pourrez en demander un autre dans {}.",
                delay(seconds)
            )
        },
        resend_failed: "Le lien n’a pas pu être envoyé. Vérifiez votre connexion internet et réessayez.",
        title: "Confirmation de l’adresse e-mail",
        confirming: "Confirmation de votre adresse e-mail…",
        confirmed: "Votre adresse e-mail est confirmée.",
        to_account: "Aller à mon compte",
        to_home: "Retour à l’accueil",
        invalid_link: "Ce lien n’est plus valable\u{a0}: il a déjà servi ou date de plus de 24 heures.",
        new_link_signed_out: "Pour en recevoir un nouveau, connectez-vous, puis choisissez «\u{a0}Renvoyer le lien\u{a0}» sur la page Compte.",
        new_link_signed_in: "Pour en recevoir un nouveau, choisissez «\u{a0}Renvoyer le lien\u{a0}» sur la page Compte.",
        sign_in: "Se connecter",
        failed: "La confirmation n’a pas abouti\u{a0}: le service ne répond pas. Vérifiez votre connexion internet et réessayez.",
        retry: "Réessayer",
    },
    password_reset: PasswordResetText {
        forgot_title: "Mot de passe oublié",
        forgot_intro: "Indiquez l’adresse e-mail de votre compte\u{a0}: nous vous enverrons un lien pour choisir un nouveau mot de passe.",
        send_button: "Recevoir le lien",
        sent: |email| {
            format!(
                "Si un compte existe pour {email}, nous venons de lui envoyer un lien valable une heure."
            )
        },
        too_soon: |seconds| {
            format!(
                "Vous avez déjà demandé plusieurs liens. Réessayez dans {}.",
                delay(seconds)
            )
        },
        back_to_sign_in: "Retour à la connexion",
        reset_title: "Nouveau mot de passe",
        reset_intro: "Choisissez le nouveau mot de passe de votre compte.",
        new_password_label: "Nouveau mot de passe",
        save_button: "Changer mon mot de passe",
        done: "Votre mot de passe est changé. Vos autres sessions sont fermées.",
        to_account: "Aller à mon compte",
        invalid_link: "Ce lien n’est plus valable\u{a0}: il a déjà servi ou date de plus d’une heure.",
        ask_again: "Pour en demander un nouveau\u{a0}:",
    },
    account_settings: account_settings::ACCOUNT_SETTINGS,
    orders: OrdersText {
        title: "Suivi de commande",
        intro: "Suivez ici chaque étape de vos commandes, de la fabrication à la livraison. Vos commandes apparaissent une fois connecté à votre compte.",
        account_link: "Aller à mon compte",
        list_label: "Vos commandes",
        loading: "Chargement de vos commandes…",
        none_yet: "Vous n’avez pas encore passé de commande.",
        more_orders: "Afficher des commandes plus anciennes",
        more_failed: "La suite de la liste n’a pas pu être chargée. Vérifiez votre connexion internet et réessayez.",
        load_failed: "Vos commandes n’ont pas pu être chargées. Vérifiez votre connexion internet.",
        order_link: |number, date| format!("Commande {number} du {date}"),
        total_label: "Total\u{a0}:",
        track_heading: "Suivre une commande",
        track_intro: "Avec ou sans compte\u{a0}: saisissez le numéro de la commande et l’adresse e-mail avec laquelle elle a été passée.",
        track_number_label: "Numéro de commande",
        track_number_hint: "Par exemple SP-7K3M-9Q2D, dans l’e-mail de confirmation.",
        track_email_label: "Adresse e-mail",
        track_button: "Suivre la commande",
        track_pending: "Recherche…",
        track_missing: "Saisissez le numéro de commande et l’adresse e-mail.",
        track_not_found: "Aucune commande ne correspond à ce numéro et à cette adresse e-mail.",
        track_throttled: |seconds| {
            let minutes = seconds.div_ceil(60).max(1);
            if minutes == 1 {
                "Trop de tentatives. Réessayez dans une minute.".to_owned()
            } else {
                format!("Trop de tentatives. Réessayez dans {minutes}\u{a0}minutes.")
            }
        },
        track_failed: "La recherche n’a pas abouti. Vérifiez votre connexion internet et réessayez.",
        track_result_heading: |number| format!("Commande {number}"),
        track_found: |number, status| format!("Commande {number} trouvée\u{a0}: {status}."),
        track_lines_heading: "Produits",
    },
    checkout: CheckoutText {
        title: "Commande",
        steps_label: "Étapes de la commande",
        step_identify: "Identification",
        step_delivery: "Livraison",
        step_review: "Récapitulatif",
        step_payment: "Paiement",
        step_of: |step, steps| format!("Étape {step} sur {steps}\u{a0}:"),
        loading: "Chargement…",
        empty_cart: "Votre panier est vide\u{a0}: ajoutez un produit avant de commander.",
        back_to_cart: "Retour au panier",
        identify_intro: "Connectez-vous ou créez votre compte pour commander\u{a0}: votre panier et vos projets vous suivent, rien n’est perdu.",
        saving: SavingText {
            preparing: "Préparation de vos projets…",
            heading: "Enregistrement de vos projets dans votre compte",
            why: "Nous envoyons vos photos pendant que vous continuez\u{a0}: elles sont nécessaires pour fabriquer vos produits.",
            photo_refused: |project, file, reason| {
                format!(
                    "Projet «\u{a0}{project}\u{a0}»\u{a0}: la photo «\u{a0}{file}\u{a0}» a été refusée ({reason})."
                )
            },
            photo_too_large: "fichier trop lourd",
            too_many_photos: "trop de photos dans le projet",
            photo_unreadable: "image illisible ou format non accepté",
            incomplete: |project| {
                format!(
                    "Le projet «\u{a0}{project}\u{a0}» n’a plus assez de photos pour être fabriqué."
                )
            },
            open_project: "Ouvrir le projet pour la remplacer",
            interrupted: "La connexion a été interrompue pendant l’envoi de vos photos. Ce qui est envoyé est gardé\u{a0}: l’envoi reprendra dès le retour de la connexion.",
            failed: "Vos projets n’ont pas pu être enregistrés. Réessayez dans un instant.",
            waiting: "Enregistrement de vos projets…",
        },
        address_legend: "Où livrer vos produits\u{a0}?",
        name_label: "Nom et prénom",
        street_label: "Adresse",
        postcode_label: "Code postal",
        city_label: "Ville",
        country_label: "Pays",
        country_fr: "France",
        country_mc: "Monaco",
        phone_label: "Téléphone",
        phone_hint: "Pour le transporteur, en cas de besoin.",
        address_errors: AddressErrors {
            name: "Saisissez le nom et le prénom du destinataire (100 caractères au plus).",
            street: "Saisissez l’adresse\u{a0}: numéro et rue (100 caractères au plus).",
            postcode: "Le code postal compte 5 chiffres (exemple\u{a0}: 35000).",
            city: "Saisissez la ville (100 caractères au plus).",
            country: "Nous livrons en France et à Monaco.",
            phone: "Saisissez un numéro à 10 chiffres (exemple\u{a0}: 06 12 34 56 78), ou commençant par +33 ou +377.",
        },
        address_load_failed: "Votre adresse enregistrée n’a pas pu être chargée\u{a0}: vous pouvez la saisir ici.",
        address_save_failed: "L’adresse n’a pas pu être enregistrée. Vérifiez votre connexion internet et réessayez.",
        continue_button: "Continuer",
        back_button: "Retour",
        pending: "Un instant…",
        delivery_required: "Choisissez un mode de livraison.",
        catalogue_failed: "Les modes de livraison n’ont pas pu être chargés. Vérifiez votre connexion internet.",
        lines_heading: "Vos produits",
        copies: |n| {
            if n <= 1 {
                format!("{n} exemplaire")
            } else {
                format!("{n} exemplaires")
            }
        },
        address_heading: "Livraison à",
        delivery_heading: "Mode de livraison",
        totals_heading: "Montant de la commande",
        change: "Modifier",
        payment_legend: "Moyen de paiement",
        card_option: "Carte bancaire",
        card_brands_label: "Cartes acceptées",
        card_brands: &["Visa / CB", "American Express", "Mastercard / Maestro"],
        debit_sentence: "Votre carte sera débitée seulement à l’expédition de vos produits.",
        keep_card_label: "Conserver ma carte chez notre prestataire de paiement pour cette commande",
        keep_card_hint: "Si la fabrication dure plus de 7\u{a0}jours, nous renouvelons l’autorisation sans vous redemander votre carte. Vous n’êtes toujours débité qu’une fois, à l’expédition. Sans cette case, nous vous demanderons de payer de nouveau si l’autorisation expire.",
        pay_button: "Payer par carte",
        terms_label: "J’accepte les conditions générales de vente (CGV)",
        terms_link: "Lire les CGV (nouvel onglet)",
        terms_required: "Cochez la case «\u{a0}J’accepte les conditions générales de vente\u{a0}» pour commander.",
        creating: "Création de la commande…",
        payment_intro: "Saisissez votre carte dans le formulaire sécurisé de notre prestataire de paiement\u{a0}: le service photo ne voit jamais son numéro.",
        card_frame_title: "Formulaire de paiement sécurisé de notre prestataire",
        checking_payment: "Vérification du paiement…",
        payment_unavailable: "Le formulaire de paiement n’a pas pu être chargé. Votre commande est gardée\u{a0}: réessayez dans un instant.",
        retry: "Réessayer",
        payment_blocked: |time| {
            format!(
                "Trop de paiements refusés. Par sécurité, vous pourrez réessayer à partir de {time}."
            )
        },
        payment_blocked_kept: "Votre commande et votre panier sont gardés\u{a0}: rien n’a été débité.",
        payment_blocked_help: "Une question\u{a0}? Écrivez-nous",
        clock_time: |hours, minutes| format!("{hours}\u{a0}h\u{a0}{minutes:02}"),
        errors: CheckoutErrors {
            cart_empty: "Votre panier est vide\u{a0}: la commande n’a pas été créée.",
            invalid_address: "L’adresse de livraison est incomplète\u{a0}: corrigez-la avant de payer.",
            unknown_delivery: "Ce mode de livraison n’est plus proposé\u{a0}: choisissez-en un autre.",
            terms_not_accepted: "Les conditions générales de vente ont changé ou n’ont pas été acceptées\u{a0}: cochez la case pour commander.",
            project_not_ready: "Un projet du panier n’est pas complet dans votre compte\u{a0}: ouvrez-le depuis votre panier pour vérifier ses photos.",
            signed_out: "Votre session a pris fin. Reconnectez-vous pour commander\u{a0}: votre panier est gardé.",
            network: "Le service ne répond pas. Vérifiez votre connexion internet et réessayez\u{a0}: vous ne serez pas débité deux fois.",
            unexpected: "Une erreur inattendue s’est produite. Réessayez dans un instant.",
        },
        declines: DeclineText {
            declined: "Votre banque a refusé le paiement. Essayez une autre carte ou contactez votre banque.",
            insufficient_funds: "Votre banque a refusé le paiement\u{a0}: provision insuffisante. Essayez une autre carte.",
            expired_card: "Cette carte est expirée. Essayez une autre carte.",
            authentication_failed: "L’authentification 3-D Secure n’a pas abouti. Réessayez ou utilisez une autre carte.",
            invalid_card: "Les informations de la carte ne sont pas valides. Vérifiez-les ou utilisez une autre carte.",
            other: "Le paiement n’a pas abouti. Réessayez ou utilisez une autre carte.",
        },
        wallets: WalletText {
            label: "Payer avec un portefeuille électronique",
            apple_pay_button: "Payer avec Apple Pay",
            google_pay_button: "Payer avec Google Pay",
            debit_sentence: "Avec Apple Pay ou Google Pay, votre compte est débité pendant le traitement de la commande.",
            or_card: "Ou payez par carte bancaire\u{a0}:",
            processing: "Paiement en cours…",
            cancelled: "Paiement annulé\u{a0}: vous pouvez payer par carte ou réessayer.",
            failed: "Le paiement n’a pas pu commencer. Payez par carte ou réessayez.",
            unconfirmed: "La confirmation du paiement n’est pas arrivée. Nous vérifions votre commande\u{a0}: ne payez pas de nouveau avant qu’elle s’affiche.",
        },
    },
    order: OrderText {
        title: "Votre commande",
        confirmed_heading: "Commande confirmée",
        confirmed_sentence: "Commande confirmée — votre carte sera débitée à l’expédition.",
        confirmed_sentence_wallet: "Commande confirmée — votre compte a été débité.",
        loading: "Chargement de la commande…",
        not_found: "Cette commande n’existe pas dans votre compte.",
        load_failed: "La commande n’a pas pu être chargée. Vérifiez votre connexion internet.",
        placed_on: |date| format!("Passée le {date}"),
        status_label: "Statut\u{a0}:",
        refunded_label: "Remboursé\u{a0}:",
        headline_awaiting_payment: "en attente de paiement",
        headline_payment_refused: "paiement refusé, essayez une autre carte",
        headline_confirmed_debit_at_shipment: "confirmée, votre carte sera débitée à l’expédition",
        headline_confirmed_debited: "payée et débitée",
        headline_in_production: "en préparation",
        headline_shipped: "expédiée, carte débitée",
        headline_delivered: "livrée",
        headline_refunded: "expédiée, remboursée",
        headline_cancelled_nothing_debited: "annulée, sans débit",
        headline_cancelled_refunded: "annulée, remboursée",
        headline_pay_again: "autorisation expirée, payez de nouveau",
        payment_heading: "Paiement",
        payment_method_label: "Moyen de paiement\u{a0}:",
        card: |brand, last4| match (brand, last4) {
            (Some(brand), Some(last4)) => format!("Carte {brand} •••• {last4}"),
            (Some(brand), None) => format!("Carte {brand}"),
            (None, Some(last4)) => format!("Carte •••• {last4}"),
            (None, None) => "Carte bancaire".to_owned(),
        },
        authorized_label: "Montant autorisé\u{a0}:",
        debit_at_shipment: "Débit prévu à l’expédition",
        debited_label: "Montant débité\u{a0}:",
        card_debited_on: |date| format!("Débitée le {date}"),
        wallet_debited_on: |date| format!("Débité le {date}"),
        nothing_debited: "Aucun débit",
        pay_button: "Payer par carte",
        pay_again_button: "Payer de nouveau",
        renew_failed: "Le paiement n’a pas pu être relancé. Vérifiez votre connexion internet et réessayez.",
        cancel_button: "Annuler la commande",
        cancel_heading: "Annuler cette commande\u{a0}?",
        cancel_body: "La commande ne sera pas fabriquée et votre carte ne sera pas débitée.",
        cancel_confirm: "Oui, annuler la commande",
        cancel_keep: "Non, garder la commande",
        cancel_failed: "L’annulation n’a pas abouti. Vérifiez votre connexion internet et réessayez.",
        cancel_too_late: "Cette commande est déjà expédiée\u{a0}: elle ne peut plus être annulée.",
        all_orders: "Toutes mes commandes",
        number_label: "Numéro de commande\u{a0}:",
        title_with_number: |heading, number| format!("{heading} {number}"),
        timeline_heading: "Avancement de la commande",
        step_ordered: "Commande passée",
        step_payment_authorized: "Paiement autorisé",
        step_in_production: "Fabrication commencée",
        step_shipped: "Expédiée",
        step_delivered: "Livrée",
        step_cancelled: "Annulée",
        step_other: "Autre étape",
        estimated_delivery: |date| format!("Livraison estimée le {date}"),
        parcel_heading: "Colis",
        carrier_label: "Transporteur\u{a0}:",
        tracking_number_label: "Numéro de suivi\u{a0}:",
        tracking_link: |carrier| format!("Suivre le colis sur le site {carrier}"),
        cancel_production_started: "La fabrication de votre commande a commencé\u{a0}: elle ne peut plus être annulée. Contactez le service client en cas de problème.",
        help_link: "Aide et service client",
        months: [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    },
    help: help::HELP,
    contact: help::CONTACT,
    legal: legal::LEGAL,
    payment_methods: PaymentMethodsText {
        title: "Nos modes de paiement",
        intro: "Voici les modes de paiement acceptés pour tous les produits de nos outils de création, et le moment où vous êtes débité.",
        debit_label: "Débit\u{a0}:",
        asked_label: "Ce qui vous est demandé\u{a0}:",
        methods: [
            PaymentMethodText {
                id: "visa-cb",
                heading: "Cartes Visa et Carte Bleue",
                brands: &["Visa", "Carte Bleue (CB)"],
                how: CARD_HOW,
                asked: &[
                    "le numéro de votre carte",
                    "sa date d’expiration",
                    "le code de sécurité à 3 chiffres (cryptogramme visuel) au dos de la carte",
                ],
                privacy: CARD_PRIVACY,
                debit: CARD_DEBIT,
            },
            PaymentMethodText {
                id: "amex",
                heading: "Carte American Express",
                brands: &["American Express"],
                how: CARD_HOW,
                asked: &[
                    "le numéro de votre carte (15 chiffres)",
                    "sa date d’expiration",
                    "le code de sécurité à 4 chiffres imprimé au recto de la carte, au-dessus du numéro",
                ],
                privacy: CARD_PRIVACY,
                debit: CARD_DEBIT,
            },
            PaymentMethodText {
                id: "mastercard-maestro",
                heading: "Cartes Mastercard et Maestro",
                brands: &["Mastercard", "Maestro"],
                how: CARD_HOW,
                asked: &[
                    "le numéro de votre carte",
                    "sa date d’expiration",
                    "le code de sécurité à 3 chiffres (cryptogramme visuel) au dos de la carte",
                ],
                privacy: CARD_PRIVACY,
                debit: CARD_DEBIT,
            },
            PaymentMethodText {
                id: "wallets",
                heading: "Google Pay et Apple Pay",
                brands: &["Google Pay", "Apple Pay"],
                how: "Vous vous authentifiez auprès de votre service de paiement (empreinte, visage ou code de votre téléphone), puis vous payez votre commande en un clic, sans saisir de carte.",
                asked: &[],
                privacy: "Le service photo ne reçoit jamais le numéro de votre carte\u{a0}: votre portefeuille transmet un jeton de paiement à usage unique.",
                debit: "Votre compte est débité pendant le traitement de la commande.",
            },
        ],
    },
    not_found: NotFoundText {
        title: "Page introuvable",
        body: "Cette page n’existe pas ou plus. Vérifiez l’adresse, ou repartez de l’accueil.",
        home_link: "Retour à l’accueil",
    },
    page_load: PageLoadText {
        loading: "Chargement de la page…",
        failed: "Cette page n’a pas pu être chargée. Vérifiez votre connexion internet, puis réessayez\u{a0}: votre panier et vos projets sont gardés.",
        payment_loading: "Chargement du paiement…",
        payment_failed: "Le paiement n’a pas pu être chargé. Vérifiez votre connexion internet, puis réessayez\u{a0}: votre commande est gardée et rien n’a été débité.",
        retry: "Réessayer",
    },
};
