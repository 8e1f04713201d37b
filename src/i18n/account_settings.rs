//! The shapes of the account settings' texts (`/compte/parametres`) and of
//! the page an address change's link opens (`/compte/nouvelle-adresse`),
//! filled by `fr/account_settings.rs` and `en/account_settings.rs`.

/// `/compte/parametres` and `/compte/nouvelle-adresse`.
pub struct AccountSettingsTexts {
    pub title: &'static str,
    /// The account page's link to the settings.
    pub account_link: &'static str,
    pub back_to_account: &'static str,
    /// While the session is being checked.
    pub checking: &'static str,
    /// Signed out: why there is nothing to show, and the way to sign in.
    pub signed_out: &'static str,
    pub sign_in_link: &'static str,
    /// On a button while its request is on its way.
    pub pending: &'static str,
    pub retry: &'static str,
    pub cancel: &'static str,
    pub sessions: SessionsTexts,
    pub password: PasswordChangeTexts,
    pub email: EmailChangeTexts,
    pub data: DataTexts,
    pub deletion: DeletionTexts,
    pub link: ChangeEmailLinkTexts,
    pub errors: SettingsErrors,
}

/// « Appareils connectés ».
pub struct SessionsTexts {
    pub heading: &'static str,
    pub intro: &'static str,
    pub loading: &'static str,
    pub failed: &'static str,
    /// The session of a browser that did not say what it is.
    pub unknown_device: &'static str,
    /// Marks the session of the browser showing the list.
    pub this_device: &'static str,
    /// (date, time) of the last use.
    pub last_used: fn(&str, &str) -> String,
    pub none_other: &'static str,
    pub end_others_button: &'static str,
    pub others_ended: &'static str,
}

/// « Mot de passe ».
pub struct PasswordChangeTexts {
    pub heading: &'static str,
    pub current_label: &'static str,
    pub new_label: &'static str,
    pub button: &'static str,
    pub changed: &'static str,
}

/// « Adresse e-mail ».
pub struct EmailChangeTexts {
    pub heading: &'static str,
    /// Before the address the account uses now.
    pub current_label: &'static str,
    pub new_label: &'static str,
    pub password_label: &'static str,
    /// Why the password is asked.
    pub password_hint: &'static str,
    pub button: &'static str,
    /// (new address): the link went there.
    pub link_sent: fn(&str) -> String,
}

/// « Mes données ».
pub struct DataTexts {
    pub heading: &'static str,
    pub intro: &'static str,
    pub download: &'static str,
}

/// « Supprimer mon compte ».
pub struct DeletionTexts {
    pub heading: &'static str,
    pub deleted_list: &'static str,
    pub kept: &'static str,
    /// This browser is signed out and wiped too, as at sign-out.
    pub browser: &'static str,
    pub password_label: &'static str,
    pub button: &'static str,
    pub confirm_heading: &'static str,
    pub confirm_body: &'static str,
    /// (names of the projects only this browser holds, joined).
    pub confirm_unsaved: fn(&str) -> String,
    pub confirm_button: &'static str,
    /// (the order's number, when the server named it).
    pub open_order: fn(Option<&str>) -> String,
    pub deleted: &'static str,
    pub deleted_detail: &'static str,
    pub home_link: &'static str,
}

/// `/compte/nouvelle-adresse`: the link of an address change.
pub struct ChangeEmailLinkTexts {
    pub title: &'static str,
    pub checking: &'static str,
    pub done: &'static str,
    pub invalid: &'static str,
    /// The way forward after an invalid link: ask for another.
    pub ask_again: &'static str,
    pub failed: &'static str,
    pub to_account: &'static str,
}

/// Refusals of the settings' forms that the account forms do not say.
pub struct SettingsErrors {
    pub current_password_required: &'static str,
    pub new_password_required: &'static str,
    pub wrong_password: &'static str,
    pub same_email: &'static str,
    /// The session ended meanwhile (another device ended it).
    pub signed_out: &'static str,
}
