//! Messages about the account itself: confirm the address, "you already
//! have an account", reset the password, the password changed, the
//! account deleted.

use super::{Block, Letter, Letters};
use crate::mail::Mail;
use shop_api::Language;
use shop_api::account::{
    CHANGE_EMAIL_PATH, FORGOT_PASSWORD_PATH, RESET_PASSWORD_PATH, VERIFY_EMAIL_PATH,
};

/// Where signing in happens.
const ACCOUNT_PATH: &str = "/compte";

impl Letters {
    /// After sign-up: the link confirming the address (24 hours).
    pub fn verify_email(&self, language: Language, to: &str, token: &str) -> Mail {
        let url = self.token_link(VERIFY_EMAIL_PATH, token);
        let letter = match language {
            Language::Fr => Letter {
                language,
                subject: "Confirmez votre adresse e-mail".into(),
                greeting: "Bonjour,".into(),
                body: vec![
                    Block::Paragraph(format!(
                        "Bienvenue chez Service Photo. Pour confirmer que {to} est bien votre \
                         adresse, ouvrez ce lien dans les 24 heures\u{a0}:"
                    )),
                    Block::Action {
                        label: "Confirmer mon adresse".into(),
                        url,
                    },
                    Block::Paragraph(
                        "Vous pouvez commander dès maintenant\u{a0}; votre compte vous le \
                         rappellera tant que l’adresse n’est pas confirmée."
                            .into(),
                    ),
                    Block::Paragraph(
                        "Si vous n’avez pas créé de compte, ignorez ce message\u{a0}: \
                         l’adresse ne sera pas confirmée."
                            .into(),
                    ),
                ],
            },
            Language::En => Letter {
                language,
                subject: "Confirm your e-mail address".into(),
                greeting: "Hello,".into(),
                body: vec![
                    Block::Paragraph(format!(
                        "Welcome to Service Photo. To confirm that {to} is your address, \
                         open this link within 24 hours:"
                    )),
                    Block::Action {
                        label: "Confirm my address".into(),
                        url,
                    },
                    Block::Paragraph(
                        "You can order right away; your account will remind you until the \
                         address is confirmed."
                            .into(),
                    ),
                    Block::Paragraph(
                        "If you did not create an account, ignore this message: the address \
                         will not be confirmed."
                            .into(),
                    ),
                ],
            },
        };
        self.mail(to, &letter)
    }

    /// A sign-up with an address that has an account: nothing was made,
    /// and the owner is told how to get in.
    pub fn account_exists(&self, language: Language, to: &str) -> Mail {
        let sign_in = self.link(ACCOUNT_PATH);
        let forgot = self.link(FORGOT_PASSWORD_PATH);
        let letter = match language {
            Language::Fr => Letter {
                language,
                subject: "Vous avez déjà un compte Service Photo".into(),
                greeting: "Bonjour,".into(),
                body: vec![
                    Block::Paragraph(format!(
                        "Quelqu’un, vous peut-être, a voulu créer un compte avec {to}. Cette \
                         adresse a déjà un compte\u{a0}: aucun nouveau compte n’a été créé."
                    )),
                    Block::Action {
                        label: "Me connecter".into(),
                        url: sign_in,
                    },
                    Block::Paragraph(
                        "Mot de passe oublié\u{a0}? Choisissez-en un nouveau\u{a0}:".into(),
                    ),
                    Block::Action {
                        label: "Choisir un nouveau mot de passe".into(),
                        url: forgot,
                    },
                    Block::Paragraph(
                        "Si ce n’était pas vous, ignorez ce message\u{a0}: votre compte n’a \
                         pas changé."
                            .into(),
                    ),
                ],
            },
            Language::En => Letter {
                language,
                subject: "You already have a Service Photo account".into(),
                greeting: "Hello,".into(),
                body: vec![
                    Block::Paragraph(format!(
                        "Someone, perhaps you, tried to create an account with {to}. This \
                         address already has an account: no new account was created."
                    )),
                    Block::Action {
                        label: "Sign in".into(),
                        url: sign_in,
                    },
                    Block::Paragraph("Forgot your password? Choose a new one:".into()),
                    Block::Action {
                        label: "Choose a new password".into(),
                        url: forgot,
                    },
                    Block::Paragraph(
                        "If it was not you, ignore this message: your account has not changed."
                            .into(),
                    ),
                ],
            },
        };
        self.mail(to, &letter)
    }

    /// The link choosing a new password (one hour, once).
    pub fn reset_password(&self, language: Language, to: &str, token: &str) -> Mail {
        let url = self.token_link(RESET_PASSWORD_PATH, token);
        let letter = match language {
            Language::Fr => Letter {
                language,
                subject: "Choisissez un nouveau mot de passe".into(),
                greeting: "Bonjour,".into(),
                body: vec![
                    Block::Paragraph(
                        "Vous avez demandé à changer le mot de passe de votre compte Service \
                         Photo. Ce lien est valable une heure et ne sert qu’une fois\u{a0}:"
                            .into(),
                    ),
                    Block::Action {
                        label: "Choisir un nouveau mot de passe".into(),
                        url,
                    },
                    Block::Paragraph(
                        "Une fois le mot de passe changé, vos autres sessions sont fermées.".into(),
                    ),
                    Block::Paragraph(
                        "Si vous n’avez rien demandé, ignorez ce message\u{a0}: votre mot de \
                         passe ne change pas."
                            .into(),
                    ),
                ],
            },
            Language::En => Letter {
                language,
                subject: "Choose a new password".into(),
                greeting: "Hello,".into(),
                body: vec![
                    Block::Paragraph(
                        "You asked to change your Service Photo account's password. This link \
                         works for one hour, once:"
                            .into(),
                    ),
                    Block::Action {
                        label: "Choose a new password".into(),
                        url,
                    },
                    Block::Paragraph(
                        "Once the password is changed, your other sessions are signed out.".into(),
                    ),
                    Block::Paragraph(
                        "If you did not ask, ignore this message: your password does not change."
                            .into(),
                    ),
                ],
            },
        };
        self.mail(to, &letter)
    }

    /// The password was changed from a signed-in session: if it was not
    /// the owner, they learn it and how to take the account back.
    pub fn password_changed(&self, language: Language, to: &str) -> Mail {
        let forgot = self.link(FORGOT_PASSWORD_PATH);
        let letter = match language {
            Language::Fr => Letter {
                language,
                subject: "Votre mot de passe a été changé".into(),
                greeting: "Bonjour,".into(),
                body: vec![
                    Block::Paragraph(
                        "Le mot de passe de votre compte Service Photo vient d’être changé, et \
                         vos autres sessions ont été fermées."
                            .into(),
                    ),
                    Block::Paragraph(
                        "Si ce n’était pas vous, choisissez tout de suite un nouveau mot de \
                         passe\u{a0}:"
                            .into(),
                    ),
                    Block::Action {
                        label: "Choisir un nouveau mot de passe".into(),
                        url: forgot,
                    },
                ],
            },
            Language::En => Letter {
                language,
                subject: "Your password was changed".into(),
                greeting: "Hello,".into(),
                body: vec![
                    Block::Paragraph(
                        "Your Service Photo account's password was just changed, and your other \
                         sessions were signed out."
                            .into(),
                    ),
                    Block::Paragraph("If it was not you, choose a new password now:".into()),
                    Block::Action {
                        label: "Choose a new password".into(),
                        url: forgot,
                    },
                ],
            },
        };
        self.mail(to, &letter)
    }

    /// The account is deleted: what went, and what the law keeps.
    pub fn account_deleted(&self, language: Language, to: &str) -> Mail {
        let letter = match language {
            Language::Fr => Letter {
                language,
                subject: "Votre compte Service Photo est supprimé".into(),
                greeting: "Bonjour,".into(),
                body: vec![
                    Block::Paragraph(
                        "Comme vous l’avez demandé, votre compte est supprimé\u{a0}: vos \
                         projets, leurs photos, votre panier, votre adresse et vos sessions \
                         sont effacés."
                            .into(),
                    ),
                    Block::Paragraph(
                        "Vos commandes passées restent dans notre comptabilité, comme la loi \
                         l’exige, sans votre nom, votre adresse e-mail ni votre rue."
                            .into(),
                    ),
                    Block::Paragraph(
                        "Ce message est le dernier que nous envoyons à cette adresse.".into(),
                    ),
                ],
            },
            Language::En => Letter {
                language,
                subject: "Your Service Photo account is deleted".into(),
                greeting: "Hello,".into(),
                body: vec![
                    Block::Paragraph(
                        "As you asked, your account is deleted: your projects, their photos, \
                         your cart, your address and your sessions are erased."
                            .into(),
                    ),
                    Block::Paragraph(
                        "Your past orders stay in our accounts, as the law requires, without \
                         your name, e-mail address or street."
                            .into(),
                    ),
                    Block::Paragraph("This is the last message we send to this address.".into()),
                ],
            },
        };
        self.mail(to, &letter)
    }

    /// Sent to the new address: the link moving the account there.
    pub fn change_email_link(&self, language: Language, to: &str, token: &str) -> Mail {
        let url = self.token_link(CHANGE_EMAIL_PATH, token);
        let letter = match language {
            Language::Fr => Letter {
                language,
                subject: "Confirmez votre nouvelle adresse e-mail".into(),
                greeting: "Bonjour,".into(),
                body: vec![
                    Block::Paragraph(format!(
                        "Vous avez demandé que votre compte Service Photo utilise désormais \
                         {to}. Pour confirmer, ouvrez ce lien dans les 24 heures\u{a0}:"
                    )),
                    Block::Action {
                        label: "Utiliser cette adresse".into(),
                        url,
                    },
                    Block::Paragraph(
                        "Si vous n’avez rien demandé, ignorez ce message\u{a0}: rien ne change."
                            .into(),
                    ),
                ],
            },
            Language::En => Letter {
                language,
                subject: "Confirm your new e-mail address".into(),
                greeting: "Hello,".into(),
                body: vec![
                    Block::Paragraph(format!(
                        "You asked for your Service Photo account to use {to} from now on. To \
                         confirm, open this link within 24 hours:"
                    )),
                    Block::Action {
                        label: "Use this address".into(),
                        url,
                    },
                    Block::Paragraph(
                        "If you did not ask, ignore this message: nothing changes.".into(),
                    ),
                ],
            },
        };
        self.mail(to, &letter)
    }

    /// Sent to the address the account left.
    pub fn email_changed(&self, language: Language, to: &str, new_address: &str) -> Mail {
        let letter = match language {
            Language::Fr => Letter {
                language,
                subject: "L’adresse de votre compte a changé".into(),
                greeting: "Bonjour,".into(),
                body: vec![
                    Block::Paragraph(format!(
                        "Votre compte Service Photo utilise désormais l’adresse {new_address}. \
                         Nous n’écrirons plus à celle-ci."
                    )),
                    Block::Paragraph(
                        "Si ce n’était pas vous, écrivez-nous tout de suite depuis la page \
                         Aide et service client du site."
                            .into(),
                    ),
                ],
            },
            Language::En => Letter {
                language,
                subject: "Your account's address changed".into(),
                greeting: "Hello,".into(),
                body: vec![
                    Block::Paragraph(format!(
                        "Your Service Photo account now uses the address {new_address}. We will \
                         no longer write to this one."
                    )),
                    Block::Paragraph(
                        "If it was not you, write to us now from the site's Help and customer \
                         service page."
                            .into(),
                    ),
                ],
            },
        };
        self.mail(to, &letter)
    }
}
