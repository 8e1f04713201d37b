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
        products: ["Tirages photo", "Livres photo", "Calendriers", "Posters"],
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
        coming_soon: "La connexion et la création de compte ouvrent très bientôt.",
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
