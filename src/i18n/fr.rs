//! French, the shop's first language.

use super::*;

fn cart_link_label(count: u32) -> String {
    match count {
        0 => "Panier, vide".to_owned(),
        1 => "Panier, 1 article".to_owned(),
        n => format!("Panier, {n} articles"),
    }
}

const CARD_PRIVACY: &str = "Vos données de carte servent uniquement au traitement de la commande : le service photo ne les enregistre jamais, elles restent chez notre prestataire de paiement certifié.";
const CARD_DEBIT: &str = "Votre compte est débité seulement à l'expédition de vos produits.";
const CARD_HOW: &str = "Vous payez dans le formulaire sécurisé de notre prestataire de services de paiement certifié, affiché dans la page de commande.";

fn cart_items(count: u32) -> String {
    match count {
        0 | 1 => format!("{count} article"),
        n => format!("{n} articles"),
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
        intro: "Tirages, livres photo, calendriers et posters : créez vos produits photo, retrouvez-les dans votre compte et suivez votre commande jusqu'à chez vous.",
        products_heading: "Nos produits photo",
        from_price: "à partir de",
        loading: "Chargement du catalogue…",
        catalogue_unavailable: "Le catalogue n'a pas pu être chargé. Vérifiez votre connexion internet.",
        retry: "Réessayer",
        payment_note: "Carte bancaire, Apple Pay ou Google Pay : payez comme vous le souhaitez, en toute sécurité.",
        payment_link: "Découvrir nos modes de paiement",
    },
    cart: CartText {
        title: "Panier",
        empty: "Votre panier est vide.",
        browse: "Découvrir nos produits photo",
    },
    account: AccountText {
        title: "Compte",
        intro: "Connectez-vous avec votre adresse e-mail et votre mot de passe personnel, ou créez un nouveau compte.",
        sign_out_warning: "Lorsque vous vous déconnectez, tous les projets non enregistrés et votre panier sont supprimés, pour des raisons de sécurité.",
        sign_in_heading: "Se connecter",
        create_heading: "Créer un compte",
        email_label: "Adresse e-mail",
        password_label: "Mot de passe",
        new_password_hint: "Au moins 12 caractères. Une phrase de passe, avec espaces et accents, est idéale ; les mots de passe courants sont refusés.",
        show_password: "Afficher le mot de passe",
        hide_password: "Masquer le mot de passe",
        sign_in_button: "Se connecter",
        create_button: "Créer mon compte",
        pending: "Un instant…",
        signed_in_as: "Vous êtes connecté avec l'adresse",
        sign_out_button: "Se déconnecter",
        confirm_heading: "Se déconnecter ?",
        confirm_intro: "Pour votre sécurité, la déconnexion supprime de ce navigateur :",
        unsaved_projects_label: "Projets non enregistrés",
        no_unsaved_projects: "aucun",
        cart_label: "Panier",
        cart_items,
        confirm_button: "Me déconnecter et tout supprimer",
        cancel_button: "Annuler",
        session_expired: "Votre session a expiré. Reconnectez-vous pour continuer là où vous en étiez.",
        signed_in_nav_label: "Compte, connecté",
        errors: AccountErrors {
            email_required: "Saisissez votre adresse e-mail.",
            email_invalid: "Cette adresse e-mail ne semble pas valide (exemple : prenom.nom@exemple.fr).",
            password_required: "Saisissez votre mot de passe.",
            password_too_short: "Le mot de passe doit compter au moins 12 caractères.",
            password_too_long: "Le mot de passe ne peut pas dépasser 256 caractères.",
            password_too_weak: "Ce mot de passe est trop courant ou trop facile à deviner. Essayez une phrase de passe de plusieurs mots.",
            email_taken: "Un compte existe déjà avec cette adresse. Connectez-vous plutôt.",
            invalid_credentials: "Adresse e-mail ou mot de passe incorrect.",
            too_many_attempts,
            network: "Le service ne répond pas. Vérifiez votre connexion internet et réessayez.",
            unexpected: "Une erreur inattendue s'est produite. Réessayez dans un instant.",
            sign_out_failed: "La déconnexion n'a pas abouti. Vérifiez votre connexion et réessayez : rien n'a été supprimé.",
        },
    },
    orders: OrdersText {
        title: "Suivi de commande",
        intro: "Suivez ici chaque étape de vos commandes, de la fabrication à la livraison. Vos commandes apparaissent une fois connecté à votre compte.",
        account_link: "Aller à mon compte",
    },
    help: HelpText {
        title: "Aide et service client",
        intro: "Une question sur une commande, un paiement ou votre compte ? Voici les réponses les plus demandées.",
        payment_heading: "Quand suis-je débité ?",
        payment_body: "Par carte bancaire, votre compte est débité seulement à l'expédition de vos produits. Avec Apple Pay ou Google Pay, il est débité pendant le traitement de la commande.",
        payment_link: "Tous nos modes de paiement",
        account_heading: "Que se passe-t-il quand je me déconnecte ?",
        account_body: "Pour votre sécurité, tous les projets non enregistrés et votre panier sont supprimés à la déconnexion. Enregistrez vos projets dans votre compte avant de partir.",
    },
    payment_methods: PaymentMethodsText {
        title: "Nos modes de paiement",
        intro: "Voici les modes de paiement acceptés pour tous les produits de nos outils de création, et le moment où vous êtes débité.",
        debit_label: "Débit :",
        asked_label: "Ce qui vous est demandé :",
        methods: [
            PaymentMethodText {
                id: "visa-cb",
                heading: "Cartes Visa et Carte Bleue",
                brands: &["Visa", "Carte Bleue (CB)"],
                how: CARD_HOW,
                asked: &[
                    "le numéro de votre carte",
                    "sa date d'expiration",
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
                    "sa date d'expiration",
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
                    "sa date d'expiration",
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
                privacy: "Le service photo ne reçoit jamais le numéro de votre carte : votre portefeuille transmet un jeton de paiement à usage unique.",
                debit: "Votre compte est débité pendant le traitement de la commande.",
            },
        ],
    },
    not_found: NotFoundText {
        title: "Page introuvable",
        body: "Cette page n'existe pas ou plus. Vérifiez l'adresse, ou repartez de l'accueil.",
        home_link: "Retour à l'accueil",
    },
};
