//! Messages about a support request: received (its reference, never the
//! message itself: anyone may type any address in the contact form, and
//! the shop must not carry their words to it), and answered.

use super::{Block, Letter, Letters};
use crate::mail::Mail;
use shop_api::Language;
use shop_api::support::SupportTicket;

impl Letters {
    pub fn support_received(&self, language: Language, to: &str, reference: &str) -> Mail {
        let letter = match language {
            Language::Fr => Letter {
                language,
                subject: format!("Nous avons reçu votre demande {reference}"),
                greeting: "Bonjour,".into(),
                body: vec![
                    Block::Paragraph(format!(
                        "Votre demande au service client est enregistrée sous la référence \
                         {reference}. Nous vous répondons à cette adresse, en général sous \
                         deux jours ouvrés."
                    )),
                    Block::Paragraph("Si vous n’avez rien demandé, ignorez ce message.".into()),
                ],
            },
            Language::En => Letter {
                language,
                subject: format!("We received your request {reference}"),
                greeting: "Hello,".into(),
                body: vec![
                    Block::Paragraph(format!(
                        "Your request to customer service is recorded as {reference}. We \
                         answer at this address, usually within two working days."
                    )),
                    Block::Paragraph("If you did not ask us anything, ignore this message.".into()),
                ],
            },
        };
        self.mail(to, &letter)
    }

    pub fn support_answered(&self, language: Language, ticket: &SupportTicket) -> Mail {
        let reference = &ticket.reference;
        let answer = ticket.answer.clone().unwrap_or_default();
        let letter = match language {
            Language::Fr => Letter {
                language,
                subject: format!("Réponse à votre demande {reference}"),
                greeting: "Bonjour,".into(),
                body: vec![
                    Block::Paragraph(format!(
                        "Voici la réponse du service client à votre demande {reference}\u{a0}:"
                    )),
                    Block::Lines(answer.lines().map(str::to_owned).collect()),
                    Block::Paragraph(
                        "Pour nous écrire à nouveau, utilisez la page Aide et service client du \
                         site en rappelant cette référence."
                            .into(),
                    ),
                ],
            },
            Language::En => Letter {
                language,
                subject: format!("Answer to your request {reference}"),
                greeting: "Hello,".into(),
                body: vec![
                    Block::Paragraph(format!(
                        "Here is customer service's answer to your request {reference}:"
                    )),
                    Block::Lines(answer.lines().map(str::to_owned).collect()),
                    Block::Paragraph(
                        "To write to us again, use the site's Help and customer service page \
                         and quote this reference."
                            .into(),
                    ),
                ],
            },
        };
        self.mail(&ticket.email, &letter)
    }
}
