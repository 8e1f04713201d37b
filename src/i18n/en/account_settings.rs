//! English: the account settings and the page of an address change's link.

use crate::i18n::*;

fn open_order(number: Option<&str>) -> String {
    match number {
        Some(number) => format!(
            "An order is in progress ({number}): cancel it or wait for its delivery, then delete your account."
        ),
        None => {
            "An order is in progress: cancel it or wait for its delivery, then delete your account."
                .to_owned()
        }
    }
}

pub const ACCOUNT_SETTINGS: AccountSettingsTexts = AccountSettingsTexts {
    title: "Account settings",
    account_link: "Account settings",
    back_to_account: "Back to the account",
    checking: "One moment…",
    signed_out: "Sign in to see the devices signed in to your account, change your password or e-mail address, download your data or delete your account.",
    sign_in_link: "Sign in",
    pending: "One moment…",
    retry: "Try again",
    cancel: "Cancel",
    sessions: SessionsTexts {
        heading: "Signed-in devices",
        intro: "The browsers where your account is signed in, most recently used first.",
        loading: "Loading the devices…",
        failed: "The list of devices could not be loaded. Check your internet connection.",
        unknown_device: "Unknown browser",
        this_device: "This device",
        last_used: |date, time| format!("Last used on {date} at {time}"),
        none_other: "No other device is signed in to your account.",
        end_others_button: "Sign out the other devices",
        others_ended: "The other devices are signed out.",
    },
    password: PasswordChangeTexts {
        heading: "Password",
        current_label: "Current password",
        new_label: "New password",
        button: "Change the password",
        changed: "Password changed. Your other devices are signed out.",
    },
    email: EmailChangeTexts {
        heading: "E-mail address",
        current_label: "Current address:",
        new_label: "New e-mail address",
        password_label: "Password",
        password_hint: "To check that it is you.",
        button: "Change address",
        link_sent: |email| {
            format!("We sent a link to {email}. Your address changes when you open it.")
        },
    },
    data: DataTexts {
        heading: "My data",
        intro: "A JSON file with what we keep of your account: the account itself, your delivery address, your cart, your projects (without the photos, which you find in each project), your orders and your signed-in devices.",
        download: "Download my data (JSON)",
    },
    deletion: DeletionTexts {
        heading: "Delete my account",
        deleted_list: "Deleted for good: your projects and their photos, your cart, your delivery address and your signed-in devices.",
        kept: "Your orders are kept for the accounts, as the law requires, but without your name, e-mail address or street.",
        browser: "This browser is signed out and emptied, as when signing out.",
        password_label: "Password",
        button: "Delete my account",
        confirm_heading: "Delete your account?",
        confirm_body: "This is final: your projects, their photos, your cart, your address and your signed-in devices cannot be recovered.",
        confirm_unsaved: |names| {
            format!("The projects that exist only in this browser will be erased too: {names}.")
        },
        confirm_button: "Yes, delete my account",
        open_order,
        deleted: "Your account is deleted.",
        deleted_detail: "A last message confirms it to your e-mail address. Thank you for using our service.",
        home_link: "Back to the home page",
    },
    link: ChangeEmailLinkTexts {
        title: "New e-mail address",
        checking: "Checking the link…",
        done: "Your account now uses your new address.",
        invalid: "This link is no longer valid: it was already used, is more than 24 hours old, or the address belongs to another account.",
        ask_again: "Ask for a new link from the account settings",
        failed: "The link could not be checked. Check your internet connection and try again.",
        to_account: "Go to my account",
    },
    errors: SettingsErrors {
        current_password_required: "Enter your current password.",
        new_password_required: "Enter a new password.",
        wrong_password: "Incorrect password.",
        same_email: "This is already your account's address.",
        signed_out: "Your session has ended. Sign in again, then start over.",
    },
};
