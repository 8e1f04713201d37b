//! French: the account settings and the page of an address change's link.

use crate::i18n::*;

fn open_order(number: Option<&str>) -> String {
    match number {
        Some(number) => format!("Une commande est en cours ({number})\u{a0}: annulez-la ou attendez sa livraison, puis supprimez votre compte."),
        None => "Une commande est en cours\u{a0}: annulez-la ou attendez sa livraison, puis supprimez votre compte.".to_owned(),
    }
}

pub const ACCOUNT_SETTINGS: AccountSettingsTexts = AccountSettingsTexts {
    title: "Paramètres du compte",
    account_link: "Paramètres du compte",
    back_to_account: "Retour au compte",
    checking: "Un instant…",
    signed_out: "Connectez-vous pour voir les appareils connectés à votre compte, changer votre mot de passe ou votre adresse e-mail, télécharger vos données ou supprimer votre compte.",
    sign_in_link: "Se connecter",
    pending: "Un instant…",
    retry: "Réessayer",
    cancel: "Annuler",
    sessions: SessionsTexts {
        heading: "Appareils connectés",
        intro: "Les navigateurs où votre compte est connecté, du plus récemment utilisé au plus ancien.",
        loading: "Chargement des appareils…",
        failed: "La liste des appareils n’a pas pu être chargée. Vérifiez votre connexion internet.",
        unknown_device: "Navigateur inconnu",
        this_device: "Cet appareil",
        last_used: |date, time| format!("Dernière utilisation le {date} à {time}"),
        none_other: "Aucun autre appareil n’est connecté à votre compte.",
        end_others_button: "Déconnecter les autres appareils",
        others_ended: "Les autres appareils sont déconnectés.",
    },
    password: PasswordChangeTexts {
        heading: "Mot de passe",
        current_label: "Mot de passe actuel",
        new_label: "Nouveau mot de passe",
        button: "Changer le mot de passe",
        changed: "Mot de passe changé. Vos autres appareils sont déconnectés.",
    },
    email: EmailChangeTexts {
        heading: "Adresse e-mail",
        current_label: "Adresse actuelle\u{a0}:",
        new_label: "Nouvelle adresse e-mail",
        password_label: "Mot de passe",
        password_hint: "Pour vérifier que c’est bien vous.",
        button: "Changer d’adresse",
        link_sent: |email| {
            format!(
                "Nous avons envoyé un lien à {email}. Votre adresse change quand vous l’ouvrez."
            )
        },
    },
    data: DataTexts {
        heading: "Mes données",
        intro: "Un fichier JSON avec ce que nous gardons de votre compte\u{a0}: le compte lui-même, votre adresse de livraison, votre panier, vos projets (sans les photos, que vous retrouvez dans chaque projet), vos commandes et vos appareils connectés.",
        download: "Télécharger mes données (JSON)",
    },
    deletion: DeletionTexts {
        heading: "Supprimer mon compte",
        deleted_list: "Sont supprimés définitivement\u{a0}: vos projets et leurs photos, votre panier, votre adresse de livraison et vos appareils connectés.",
        kept: "Vos commandes sont conservées pour la comptabilité, comme la loi l’exige, mais sans votre nom, votre adresse e-mail ni votre rue.",
        browser: "Ce navigateur est déconnecté et vidé, comme à la déconnexion.",
        password_label: "Mot de passe",
        button: "Supprimer mon compte",
        confirm_heading: "Supprimer votre compte\u{a0}?",
        confirm_body: "C’est définitif\u{a0}: vos projets, leurs photos, votre panier, votre adresse et vos appareils connectés ne pourront pas être récupérés.",
        confirm_unsaved: |names| {
            format!(
                "Les projets qui n’existent que dans ce navigateur seront aussi effacés\u{a0}: {names}."
            )
        },
        confirm_button: "Oui, supprimer mon compte",
        open_order,
        deleted: "Votre compte est supprimé.",
        deleted_detail: "Un dernier message le confirme à votre adresse e-mail. Merci d’avoir utilisé notre service.",
        home_link: "Retour à l’accueil",
    },
    link: ChangeEmailLinkTexts {
        title: "Nouvelle adresse e-mail",
        checking: "Vérification du lien…",
        done: "Votre compte utilise désormais votre nouvelle adresse.",
        invalid: "Ce lien n’est plus valable\u{a0}: il a déjà servi, date de plus de 24\u{a0}heures, ou l’adresse est prise par un autre compte.",
        ask_again: "Demander un nouveau lien depuis les paramètres du compte",
        failed: "Le lien n’a pas pu être vérifié. Vérifiez votre connexion internet et réessayez.",
        to_account: "Aller à mon compte",
    },
    errors: SettingsErrors {
        current_password_required: "Saisissez votre mot de passe actuel.",
        new_password_required: "Saisissez un nouveau mot de passe.",
        wrong_password: "Mot de passe incorrect.",
        same_email: "C’est déjà l’adresse de votre compte.",
        signed_out: "Votre session a pris fin. Reconnectez-vous, puis recommencez.",
    },
};
