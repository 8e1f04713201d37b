//! Messages about an order: confirmed (the durable confirmation French law
//! asks for: lines, totals, address, payment and when it is debited, the
//! CGV accepted), shipped (and debited), waiting for a new payment,
//! cancelled.

use super::{Block, Letter, Letters, date, day};
use crate::mail::Mail;
use shop_api::Language;
use shop_api::order::{Order, OrderLine, PaymentMethod};

/// The pages an order's messages link to.
const TERMS_PATH: &str = "/cgv";

impl Letters {
    fn order_link(&self, order: &Order) -> String {
        self.link(&format!("/commandes/{}", order.id))
    }

    /// "Poster · 50 × 70 cm" in the shopper's language.
    fn product_words(&self, language: Language, line: &OrderLine) -> String {
        let catalogue = self.catalogue.catalogue();
        let Some(product) = catalogue
            .products
            .iter()
            .find(|product| product.id == line.choice.product_id)
        else {
            return line.choice.product_id.clone();
        };
        let name = match language {
            Language::Fr => &product.name.fr,
            Language::En => &product.name.en,
        };
        match product
            .formats
            .iter()
            .find(|format| format.id == line.choice.format_id)
        {
            Some(format) => format!("{name} · {}", format.label),
            None => name.clone(),
        }
    }

    fn delivery_words(&self, language: Language, option_id: &str) -> String {
        let catalogue = self.catalogue.catalogue();
        catalogue
            .delivery_options
            .iter()
            .find(|option| option.id == option_id)
            .map(|option| match language {
                Language::Fr => option.name.fr.clone(),
                Language::En => option.name.en.clone(),
            })
            .unwrap_or_else(|| option_id.to_owned())
    }

    /// The lines and totals, as a table.
    fn order_table(&self, language: Language, order: &Order) -> Block {
        let mut rows: Vec<(String, String)> = order
            .lines
            .iter()
            .map(|line| {
                let copies = match (language, line.copies) {
                    (Language::Fr, 1) => "1 exemplaire".to_owned(),
                    (Language::Fr, n) => format!("{n} exemplaires"),
                    (Language::En, 1) => "1 copy".to_owned(),
                    (Language::En, n) => format!("{n} copies"),
                };
                (
                    format!(
                        "{} — {}, {copies}",
                        line.project_name,
                        self.product_words(language, line)
                    ),
                    line.total.format_fr(),
                )
            })
            .collect();
        let totals = &order.totals;
        let (subtotal, delivery, free, total, vat) = match language {
            Language::Fr => (
                "Sous-total",
                "Livraison",
                "offerte",
                "Total TTC",
                "dont TVA",
            ),
            Language::En => (
                "Subtotal",
                "Delivery",
                "free",
                "Total incl. VAT",
                "of which VAT",
            ),
        };
        rows.push((subtotal.into(), totals.subtotal.format_fr()));
        if let Some(charge) = &totals.delivery {
            let option = self.delivery_words(language, &charge.option_id);
            let price = if charge.waived {
                free.to_owned()
            } else {
                charge.price.format_fr()
            };
            rows.push((format!("{delivery} ({option})"), price));
        }
        rows.push((total.into(), totals.total.format_fr()));
        rows.push((vat.into(), totals.vat_included.format_fr()));
        Block::Table(rows)
    }

    fn address_block(order: &Order) -> Block {
        let address = &order.delivery_address;
        let country = match address.country.as_str() {
            "MC" => "Monaco",
            _ => "France",
        };
        Block::Lines(vec![
            address.name.clone(),
            address.street.clone(),
            format!("{} {}", address.postcode, address.city),
            country.to_owned(),
        ])
    }

    /// How the order is paid, in words: "carte Visa se terminant par 4242".
    fn means(language: Language, order: &Order) -> String {
        let payment = &order.payment;
        match payment.method {
            PaymentMethod::ApplePay => "Apple Pay".into(),
            PaymentMethod::GooglePay => "Google Pay".into(),
            PaymentMethod::Card => {
                let brand = payment
                    .brand
                    .as_deref()
                    .and_then(shop_api::order::standing::brand_name);
                match (language, brand, payment.last4.as_deref()) {
                    (Language::Fr, Some(brand), Some(last4)) => {
                        format!("carte {brand} se terminant par {last4}")
                    }
                    (Language::Fr, None, Some(last4)) => format!("carte se terminant par {last4}"),
                    (Language::Fr, _, None) => "carte bancaire".into(),
                    (Language::En, Some(brand), Some(last4)) => {
                        format!("{brand} card ending in {last4}")
                    }
                    (Language::En, None, Some(last4)) => format!("card ending in {last4}"),
                    (Language::En, _, None) => "bank card".into(),
                }
            }
        }
    }

    /// The order is authorized (card) or paid (wallet): the confirmation.
    pub fn order_confirmed(&self, language: Language, to: &str, order: &Order) -> Mail {
        let number = &order.number;
        let total = order.totals.total.format_fr();
        let means = Self::means(language, order);
        let wallet = order.payment.method != PaymentMethod::Card;
        let estimate = order.estimated_delivery.map(|when| date(language, when));
        let terms = order.accepted_terms.as_ref();
        let terms_url = self.link(TERMS_PATH);
        let mut body = Vec::new();
        let letter = match language {
            Language::Fr => {
                body.push(Block::Paragraph(format!(
                    "Merci pour votre commande {number}, passée le {}. Voici ce que vous avez \
                     commandé\u{a0}:",
                    day(language, order.created_at)
                )));
                body.push(self.order_table(language, order));
                body.push(Block::Paragraph("Livraison à\u{a0}:".into()));
                body.push(Self::address_block(order));
                body.push(Block::Paragraph(if wallet {
                    format!(
                        "Paiement par {means}\u{a0}: vous avez été débité de {total} à la commande."
                    )
                } else {
                    format!(
                        "Paiement par {means}\u{a0}: {total} sont réservés sur votre carte. \
                         Vous serez débité à l’expédition de votre commande, pas avant."
                    )
                }));
                if let Some(estimate) = estimate {
                    body.push(Block::Paragraph(format!(
                        "Livraison estimée le {estimate}."
                    )));
                }
                if let Some(terms) = terms {
                    body.push(Block::Paragraph(format!(
                        "Vous avez accepté nos conditions générales de vente (version {}) le {}. \
                         Elles restent consultables à l’adresse {terms_url}.",
                        terms.version,
                        day(language, terms.accepted_at)
                    )));
                }
                body.push(Block::Paragraph(
                    "Vos produits étant personnalisés, ils ne peuvent pas faire l’objet d’un \
                     droit de rétractation (article L221-28 du Code de la consommation)."
                        .into(),
                ));
                body.push(Block::Action {
                    label: "Suivre ma commande".into(),
                    url: self.order_link(order),
                });
                Letter {
                    language,
                    subject: format!("Votre commande {number} est confirmée"),
                    greeting: format!("Bonjour {},", order.delivery_address.name),
                    body,
                }
            }
            Language::En => {
                body.push(Block::Paragraph(format!(
                    "Thank you for your order {number}, placed on {}. Here is what you ordered:",
                    day(language, order.created_at)
                )));
                body.push(self.order_table(language, order));
                body.push(Block::Paragraph("Delivered to:".into()));
                body.push(Self::address_block(order));
                body.push(Block::Paragraph(if wallet {
                    format!("Paid with {means}: you were debited {total} when you ordered.")
                } else {
                    format!(
                        "Paid with your {means}: {total} is reserved on your card. You will be \
                         debited when your order ships, not before."
                    )
                }));
                if let Some(estimate) = estimate {
                    body.push(Block::Paragraph(format!("Estimated delivery: {estimate}.")));
                }
                if let Some(terms) = terms {
                    body.push(Block::Paragraph(format!(
                        "You accepted our terms and conditions of sale (version {}) on {}. \
                         You can read them at {terms_url}.",
                        terms.version,
                        day(language, terms.accepted_at)
                    )));
                }
                body.push(Block::Paragraph(
                    "Your products are personalised, so the right of withdrawal does not apply \
                     to them (article L221-28 of the French Consumer Code)."
                        .into(),
                ));
                body.push(Block::Action {
                    label: "Follow my order".into(),
                    url: self.order_link(order),
                });
                Letter {
                    language,
                    subject: format!("Your order {number} is confirmed"),
                    greeting: format!("Hello {},", order.delivery_address.name),
                    body,
                }
            }
        };
        self.mail(to, &letter)
    }

    /// The parcel left: the carrier, its tracking, and the debit.
    pub fn order_shipped(&self, language: Language, to: &str, order: &Order) -> Mail {
        let number = &order.number;
        let total = order.totals.total.format_fr();
        let wallet = order.payment.method != PaymentMethod::Card;
        let means = Self::means(language, order);
        let mut body = Vec::new();
        let shipment = order.shipment.as_ref();
        let letter = match language {
            Language::Fr => {
                body.push(Block::Paragraph(format!(
                    "Votre commande {number} a quitté notre atelier."
                )));
                if let Some(shipment) = shipment {
                    body.push(Block::Table(vec![
                        ("Transporteur".into(), shipment.carrier.name().into()),
                        ("Numéro de suivi".into(), shipment.tracking_number.clone()),
                    ]));
                    if let Some(url) = &shipment.tracking_url {
                        body.push(Block::Action {
                            label: "Suivre mon colis".into(),
                            url: url.clone(),
                        });
                    }
                }
                body.push(Block::Paragraph(if wallet {
                    format!(
                        "Vous avez été débité de {total} à la commande, par {means}\u{a0}: \
                         rien de plus n’est prélevé."
                    )
                } else {
                    format!("Votre carte a été débitée de {total} ({means}).")
                }));
                if let Some(estimate) = order.estimated_delivery {
                    body.push(Block::Paragraph(format!(
                        "Livraison estimée le {}.",
                        date(language, estimate)
                    )));
                }
                body.push(Block::Action {
                    label: "Voir ma commande".into(),
                    url: self.order_link(order),
                });
                Letter {
                    language,
                    subject: format!("Votre commande {number} est expédiée"),
                    greeting: format!("Bonjour {},", order.delivery_address.name),
                    body,
                }
            }
            Language::En => {
                body.push(Block::Paragraph(format!(
                    "Your order {number} has left our workshop."
                )));
                if let Some(shipment) = shipment {
                    body.push(Block::Table(vec![
                        ("Carrier".into(), shipment.carrier.name().into()),
                        ("Tracking number".into(), shipment.tracking_number.clone()),
                    ]));
                    if let Some(url) = &shipment.tracking_url {
                        body.push(Block::Action {
                            label: "Track my parcel".into(),
                            url: url.clone(),
                        });
                    }
                }
                body.push(Block::Paragraph(if wallet {
                    format!(
                        "You were debited {total} when you ordered, with {means}: nothing more \
                         is taken."
                    )
                } else {
                    format!("Your card was debited {total} ({means}).")
                }));
                if let Some(estimate) = order.estimated_delivery {
                    body.push(Block::Paragraph(format!(
                        "Estimated delivery: {}.",
                        date(language, estimate)
                    )));
                }
                body.push(Block::Action {
                    label: "See my order".into(),
                    url: self.order_link(order),
                });
                Letter {
                    language,
                    subject: format!("Your order {number} has shipped"),
                    greeting: format!("Hello {},", order.delivery_address.name),
                    body,
                }
            }
        };
        self.mail(to, &letter)
    }

    /// The card's authorization lapsed and could not be renewed: the order
    /// waits for the shopper to pay again.
    pub fn order_needs_payment(&self, language: Language, to: &str, order: &Order) -> Mail {
        let number = &order.number;
        let url = self.order_link(order);
        let letter = match language {
            Language::Fr => Letter {
                language,
                subject: format!("Votre commande {number} attend votre paiement"),
                greeting: format!("Bonjour {},", order.delivery_address.name),
                body: vec![
                    Block::Paragraph(format!(
                        "La réservation sur votre carte pour la commande {number} a expiré avant \
                         l’expédition, et nous n’avons pas pu la renouveler. Vous n’avez pas \
                         été débité."
                    )),
                    Block::Paragraph(
                        "Pour que nous puissions expédier votre commande, payez-la à nouveau\u{a0}:"
                            .into(),
                    ),
                    Block::Action {
                        label: "Payer ma commande".into(),
                        url,
                    },
                ],
            },
            Language::En => Letter {
                language,
                subject: format!("Your order {number} is waiting for your payment"),
                greeting: format!("Hello {},", order.delivery_address.name),
                body: vec![
                    Block::Paragraph(format!(
                        "The reservation on your card for order {number} ended before shipment, \
                         and we could not renew it. You have not been debited."
                    )),
                    Block::Paragraph("So that we can ship your order, please pay again:".into()),
                    Block::Action {
                        label: "Pay for my order".into(),
                        url,
                    },
                ],
            },
        };
        self.mail(to, &letter)
    }

    /// Money given back (an operator's refund, whole or in part).
    pub fn order_refunded(
        &self,
        language: Language,
        to: &str,
        order: &Order,
        amount: shop_api::Money,
    ) -> Mail {
        let number = &order.number;
        let amount = amount.format_fr();
        let means = Self::means(language, order);
        let letter = match language {
            Language::Fr => Letter {
                language,
                subject: format!("Remboursement de votre commande {number}"),
                greeting: format!("Bonjour {},", order.delivery_address.name),
                body: vec![
                    Block::Paragraph(format!(
                        "Nous vous avons remboursé {amount} pour la commande {number}, sur                          votre {means}. Le remboursement apparaît sur votre compte sous quelques                          jours."
                    )),
                    Block::Action {
                        label: "Voir ma commande".into(),
                        url: self.order_link(order),
                    },
                ],
            },
            Language::En => Letter {
                language,
                subject: format!("Refund for your order {number}"),
                greeting: format!("Hello {},", order.delivery_address.name),
                body: vec![
                    Block::Paragraph(format!(
                        "We refunded {amount} for order {number}, to your {means}. The refund                          shows on your account within a few days."
                    )),
                    Block::Action {
                        label: "See my order".into(),
                        url: self.order_link(order),
                    },
                ],
            },
        };
        self.mail(to, &letter)
    }

    /// A confirmed order was cancelled (by the shopper or the shop).
    pub fn order_cancelled(&self, language: Language, to: &str, order: &Order) -> Mail {
        let number = &order.number;
        let total = order.totals.total.format_fr();
        let debited = order.payment.debited;
        let letter = match language {
            Language::Fr => Letter {
                language,
                subject: format!("Votre commande {number} est annulée"),
                greeting: format!("Bonjour {},", order.delivery_address.name),
                body: vec![
                    Block::Paragraph(format!("Votre commande {number} est annulée.")),
                    Block::Paragraph(if debited {
                        format!(
                            "Nous vous remboursons {total} sur votre moyen de paiement\u{a0}; \
                             le remboursement apparaît sous quelques jours."
                        )
                    } else {
                        "La réservation sur votre carte est levée\u{a0}: vous n’êtes pas débité."
                            .into()
                    }),
                    Block::Action {
                        label: "Voir ma commande".into(),
                        url: self.order_link(order),
                    },
                ],
            },
            Language::En => Letter {
                language,
                subject: format!("Your order {number} is cancelled"),
                greeting: format!("Hello {},", order.delivery_address.name),
                body: vec![
                    Block::Paragraph(format!("Your order {number} is cancelled.")),
                    Block::Paragraph(if debited {
                        format!(
                            "We are refunding {total} to your means of payment; the refund \
                             shows within a few days."
                        )
                    } else {
                        "The reservation on your card is released: you are not debited.".into()
                    }),
                    Block::Action {
                        label: "See my order".into(),
                        url: self.order_link(order),
                    },
                ],
            },
        };
        self.mail(to, &letter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::cache::CatalogueCache;
    use shop_api::Money;
    use shop_api::catalogue::Catalogue;

    fn letters() -> Letters {
        let catalogue = CatalogueCache::new(Catalogue {
            products: Vec::new(),
            delivery_options: Vec::new(),
            free_delivery_threshold: Money::eur(5_000),
        })
        .unwrap();
        Letters::new("https://photo.example.fr/", catalogue)
    }

    fn order(method: &str, debited: bool) -> Order {
        serde_json::from_value(serde_json::json!({
            "id": "o-1", "number": "SP-7K3M-9Q2D", "status": "paid", "created_at": 1_780_000_000,
            "lines": [{"project_id": "p", "project_name": "Le phare",
                       "choice": {"product_id": "poster", "format_id": "50x70", "quantity": 1},
                       "copies": 2, "total": {"cents": 3_980, "currency": "EUR"}}],
            "totals": {"lines": [], "subtotal": {"cents": 3_980, "currency": "EUR"}, "delivery": null,
                       "missing_for_free_delivery": null,
                       "vat_included": {"cents": 663, "currency": "EUR"},
                       "total": {"cents": 3_980, "currency": "EUR"}},
            "delivery_address": {"name": "Camille <Martin>", "street": "12 rue des Lilas",
                                 "postcode": "35000", "city": "Rennes", "country": "FR",
                                 "phone": "0612345678"},
            "delivery_option_id": "standard",
            "payment": {"method": method, "hosted_page_url": null, "last_decline": null,
                        "debited": debited, "brand": "visa", "last4": "4242"},
            "accepted_terms": {"version": "2026-11", "accepted_at": 1_780_000_000},
        }))
        .unwrap()
    }

    #[test]
    fn a_wallet_order_says_it_was_debited_at_order_time_and_a_card_at_shipment() {
        let letters = letters();
        let wallet =
            letters.order_confirmed(Language::Fr, "c@exemple.fr", &order("apple_pay", true));
        assert!(
            wallet.text.contains(
                "Paiement par Apple Pay\u{a0}: vous avez été débité de 39,80\u{a0}€ à la commande."
            ),
            "{}",
            wallet.text
        );
        let shipped =
            letters.order_shipped(Language::Fr, "c@exemple.fr", &order("apple_pay", true));
        assert!(
            shipped
                .text
                .contains("Vous avez été débité de 39,80\u{a0}€ à la commande, par Apple Pay")
        );
        let card = letters.order_confirmed(Language::En, "c@exemple.fr", &order("card", false));
        assert!(card.text.contains("Paid with your Visa card ending in 4242: 39,80\u{a0}€ is reserved on your card. You will be debited when your order ships, not before."), "{}", card.text);
        assert!(
            card.text.contains("Le phare — poster, 2 copies"),
            "an unknown product keeps its id: {}",
            card.text
        );
        assert!(card.text.contains("https://photo.example.fr/commandes/o-1"));
        // The shopper's own words are escaped in the HTML part.
        assert!(card.html.contains("Hello Camille &lt;Martin&gt;,"));
    }
}
