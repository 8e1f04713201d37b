//! English: the help centre's answers and the contact form, the same
//! topics and answers (and slugs) as the French ones.

use crate::i18n::*;
use crate::routes;

const ORDERS: HelpTopic = HelpTopic {
    slug: "commandes-et-suivi",
    title: "Orders and tracking",
    answers: &[
        HelpAnswer {
            slug: "suivre-ma-commande",
            question: "How do I track my order?",
            paragraphs: &[
                "Sign in to your account, then open “Order tracking” at the top of every page. It lists your orders, newest first.",
                "Each order shows its status: awaiting payment, confirmed, in production, shipped, then delivered. The status changes as soon as your order moves on.",
            ],
            link: Some(HelpLink {
                label: "See my orders",
                href: routes::ORDERS,
            }),
        },
        HelpAnswer {
            slug: "modifier-ou-annuler",
            question: "Can I change or cancel my order?",
            paragraphs: &[
                "An order cannot be changed once placed: its products and address are fixed. To change something, cancel it and order again.",
                "Until your order ships, you can cancel it from its page with the “Cancel the order” button. Paid by card, it is then never debited; paid with Apple Pay or Google Pay, it is refunded.",
                "Once the order has shipped, it can no longer be cancelled.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "retrouver-mes-projets",
            question: "Where are my projects?",
            paragraphs: &[
                "Projects saved to your account are on the “Account” page, in any browser where you are signed in.",
                "An unsaved project exists only in the browser where you made it. Save it to keep it. When you order, the checkout saves it to your account for you, with its photos.",
            ],
            link: Some(HelpLink {
                label: "Go to my account",
                href: routes::ACCOUNT,
            }),
        },
    ],
};

const DELIVERY: HelpTopic = HelpTopic {
    slug: "livraison",
    title: "Delivery",
    answers: &[
        HelpAnswer {
            slug: "modes-et-tarifs",
            question: "Which delivery options do you offer?",
            paragraphs: &[
                "Three options, chosen when you order:",
                "Standard delivery: €4.99, in 3 to 5 working days.",
                "Pick-up point: €3.99, in 3 to 6 working days.",
                "Express delivery: €9.99, in 1 to 2 working days.",
                "Standard delivery and pick-up points are free from €49 of products. Express delivery is always charged.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "delais",
            question: "How long does delivery take?",
            paragraphs: &[
                "Each option's delay is shown in the cart and at the order's “Delivery” step. It counts working days, Monday to Friday except public holidays.",
                "Follow your order on the “Order tracking” page. If your parcel has not arrived two working days after the announced delay, write to us.",
            ],
            link: Some(HelpLink {
                label: "See my orders",
                href: routes::ORDERS,
            }),
        },
        HelpAnswer {
            slug: "point-relais",
            question: "How does pick-up point delivery work?",
            paragraphs: &[
                "Choose “Pick-up point” at the order's “Delivery” step: €3.99, free from €49 of products, in 3 to 6 working days.",
                "The site does not yet let you pick a given pick-up point on a map: your parcel goes to the pick-up point nearest the delivery address you give. The carrier tells you when it is ready, which is why your phone number helps.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "etranger",
            question: "Do you deliver abroad?",
            paragraphs: &[
                "Not yet: we deliver only in France and Monaco. The delivery address must be in one of these two countries.",
            ],
            link: None,
        },
    ],
};

const PAYMENT: HelpTopic = HelpTopic {
    slug: "paiement-et-debit",
    title: "Payment and debit",
    answers: &[
        HelpAnswer {
            slug: "quand-suis-je-debite",
            question: "When am I debited?",
            paragraphs: &[
                "By card (Visa, Carte Bleue, American Express, Mastercard, Maestro), the amount is authorized when you order, and your account is debited only when your products ship.",
                "With Apple Pay or Google Pay, your account is debited while the order is processed, right after you pay.",
            ],
            link: Some(HelpLink {
                label: "All our payment methods",
                href: routes::PAYMENT_METHODS,
            }),
        },
        HelpAnswer {
            slug: "cartes-acceptees",
            question: "Which cards do you accept?",
            paragraphs: &[
                "Visa and Carte Bleue, American Express, Mastercard and Maestro. You pay in the secure form of our certified payment service provider, shown in the checkout page.",
                "You are asked for the card number, its expiry date and its security code: 3 digits on the back for Visa, Carte Bleue, Mastercard and Maestro; 4 digits on the front, above the number, for American Express.",
                "A Carte Bleue card that is also Visa or Mastercard lets you choose the network that processes the payment.",
            ],
            link: Some(HelpLink {
                label: "All our payment methods",
                href: routes::PAYMENT_METHODS,
            }),
        },
        HelpAnswer {
            slug: "apple-pay-google-pay",
            question: "How do I pay with Apple Pay or Google Pay?",
            paragraphs: &[
                "At the checkout’s “Summary” step, the Apple Pay or Google Pay button appears when your device and browser support it. You authenticate with your wallet, then pay in one click, without typing a card.",
                "Your account is debited while the order is processed. The shop never receives your card number.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "donnees-de-carte",
            question: "Is my card stored?",
            paragraphs: &[
                "No. Your card details are used only to process the order: you type them at our certified payment provider, and they stay there. The shop never sees or stores them.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "paiement-refuse",
            question: "My payment was refused: what now?",
            paragraphs: &[
                "Your order is kept. Open it from the “Order tracking” page and pay again, with the same card or another. The message tells you whether the bank refused, the card has expired or 3-D Secure authentication failed.",
                "If production takes longer than your card's authorization lasts, the order says “authorization expired”: pay again; you are still debited only at shipment.",
            ],
            link: Some(HelpLink {
                label: "See my orders",
                href: routes::ORDERS,
            }),
        },
    ],
};

const ACCOUNT: HelpTopic = HelpTopic {
    slug: "compte-et-deconnexion",
    title: "Account and signing out",
    answers: &[
        HelpAnswer {
            slug: "creer-un-compte",
            question: "Do I need an account?",
            paragraphs: &[
                "You can make projects and fill your cart without one. An account is needed to save your projects and to order: the checkout offers to sign in or create your account at its first step, without losing anything.",
                "Sign in with your e-mail address and personal password. A new password has at least 12 characters; a passphrase of several words is ideal.",
            ],
            link: Some(HelpLink {
                label: "Go to my account",
                href: routes::ACCOUNT,
            }),
        },
        HelpAnswer {
            slug: "deconnexion",
            question: "What happens when I sign out?",
            paragraphs: &[
                "When you sign out, every unsaved project and your cart are deleted, for security.",
                "Before you sign out, we show what will be lost. Save the projects you want to keep to your account first.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "reconnexion",
            question: "Why must I sign in again?",
            paragraphs: &[
                "For your security, your session ends after 7 days without a visit, and at the latest 30 days after signing in. Sign in again: you pick up where you left off.",
                "After several wrong passwords, further attempts are delayed for a moment: the message says how long to wait.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "mot-de-passe-oublie",
            question: "I forgot my password: what now?",
            paragraphs: &[
                "Password reset is not offered online yet. Write to us with the contact form, from your account's e-mail address: we will help you back in.",
            ],
            link: Some(HelpLink {
                label: "Write to us",
                href: routes::HELP_CONTACT,
            }),
        },
    ],
};

const PHOTOS: HelpTopic = HelpTopic {
    slug: "photos-et-qualite",
    title: "Photos and quality",
    answers: &[
        HelpAnswer {
            slug: "formats-acceptes",
            question: "Which files can I use?",
            paragraphs: &[
                "JPEG, PNG or WebP photos, up to 25 MB each. A project holds at most 200 photos.",
                "iPhone HEIC files are not accepted yet: choose “Most compatible” in the camera settings, or export your photos as JPEG.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "resolution",
            question: "What resolution for a good print?",
            paragraphs: &[
                "For a sharp print, aim for 300 pixels per inch (2.54 cm); below 150, the picture may look blurred or pixelated.",
                "As a guide: about 1,200 × 1,800 pixels for a 10 × 15 cm print, 2,400 × 3,600 pixels for 20 × 30 cm. A poster is seen from further away, so 150 pixels per inch will do: about 3,000 × 4,200 pixels for 50 × 70 cm.",
                "Use the original file: a photo sent through a messaging app or copied from a social network is often scaled down.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "couleurs",
            question: "Why do printed colours differ from the screen?",
            paragraphs: &[
                "A screen lights the picture, paper reflects light: a print often looks a little darker. Avoid judging your photos with the screen at full brightness, and prefer sRGB files, the most common colour space.",
            ],
            link: None,
        },
        HelpAnswer {
            slug: "que-faites-vous-de-mes-photos",
            question: "What do you do with my photos?",
            paragraphs: &[
                "They are used only to make your products. An unsaved project stays in your browser. A saved project is kept in your account with its photos until you remove a photo or delete the project.",
            ],
            link: Some(HelpLink {
                label: "Our privacy policy",
                href: routes::PRIVACY,
            }),
        },
    ],
};

const CLAIMS: HelpTopic = HelpTopic {
    slug: "reclamations",
    title: "Claims",
    answers: &[
        HelpAnswer {
            slug: "colis-abime",
            question: "My parcel arrived damaged: what now?",
            paragraphs: &[
                "If the packaging is visibly damaged on delivery, tell the courier or the pick-up point before you sign, describing the damage.",
                "Then write to us as soon as you can, if possible within 14 days of receipt, with the contact form (topic “Claim”): say which order it is and describe the damaged products. Keep the parcel, the packaging and the products: we may ask for photos of the packaging, the shipping label and the products.",
                "We answer within 2 working days. Confirmed damage is put right free of charge: a new print run and shipment, or a refund. Your legal guarantees are untouched.",
            ],
            link: Some(HelpLink {
                label: "Write to us",
                href: routes::HELP_CONTACT,
            }),
        },
        HelpAnswer {
            slug: "mauvais-colis",
            question: "I received the wrong product: what now?",
            paragraphs: &[
                "Someone else's product, wrong size, missing photo or printing fault: write to us as soon as you can, if possible within 14 days of receipt, with the contact form (topic “Claim”).",
                "Say which order it is and what is wrong. Keep what you received: we may ask for photos of the products and of the parcel's label. We answer within 2 working days and make your order again free of charge.",
            ],
            link: Some(HelpLink {
                label: "Write to us",
                href: routes::HELP_CONTACT,
            }),
        },
        HelpAnswer {
            slug: "colis-non-recu",
            question: "My parcel has not arrived: what now?",
            paragraphs: &[
                "First check the order's status on the “Order tracking” page. If it has shipped and the parcel has not arrived two working days after the chosen delivery option's delay, write to us saying which order it is: we open an inquiry with the carrier and answer within 2 working days.",
            ],
            link: Some(HelpLink {
                label: "Write to us",
                href: routes::HELP_CONTACT,
            }),
        },
        HelpAnswer {
            slug: "retour-et-retractation",
            question: "Can I return a product I do not like?",
            paragraphs: &[
                "Our products are made from your photos: they are personalised goods, for which French law gives no right of withdrawal (article L221-28 3° of the Code de la consommation).",
                "A damaged product, or one that does not match your order, is covered by the legal guarantees: write to us, and we make it again or refund you.",
            ],
            link: Some(HelpLink {
                label: "Our terms of sale",
                href: routes::TERMS,
            }),
        },
    ],
};

pub const HELP: HelpText = HelpText {
    title: "Help and customer service",
    intro: "A question about an order, delivery, payment or your photos? Search our answers, or write to us.",
    search_label: "Search the help",
    search_hint: "For example: delivery, debit, resolution.",
    result_count: |n| match n {
        0 => "No answer matches.".to_owned(),
        1 => "1 answer matches.".to_owned(),
        n => format!("{n} answers match."),
    },
    no_result: "No answer matches your search. Try another word, or ask us:",
    no_result_contact: "write to customer service",
    topics_label: "Help topics",
    contact_heading: "Did not find your answer?",
    contact_intro: "Write to us: we answer by e-mail within 2 working days.",
    contact_link: "Write to customer service",
    breadcrumb_label: "Breadcrumb",
    related_heading: "Other questions on this topic",
    still_need_help: "Not enough?",
    answer_not_found: "This question does not exist in our help, or no longer does.",
    back_to_help: "All questions",
    topics: &[ORDERS, DELIVERY, PAYMENT, ACCOUNT, PHOTOS, CLAIMS],
};

fn too_many(seconds: u64) -> String {
    let minutes = seconds.div_ceil(60);
    if minutes <= 1 {
        "You sent several requests in a short time. Try again in a minute.".to_owned()
    } else {
        format!("You sent several requests in a short time. Try again in {minutes} minutes.")
    }
}

pub const CONTACT: ContactText = ContactText {
    title: "Write to customer service",
    intro: "Ask your question here: we answer by e-mail within 2 working days. Every field is required except the order concerned.",
    topic_label: "Topic",
    topics: [
        "Order and tracking",
        "Delivery",
        "Payment and debit",
        "Account",
        "Photos and quality",
        "Claim (damaged or wrong parcel)",
        "Something else",
    ],
    order_label: "Order concerned (optional)",
    order_hint: "Its date, or the end of its page's address under “Order tracking” (after /commandes/).",
    message_label: "Your message",
    message_hint: |max| format!("At most {max} characters."),
    email_label: "E-mail address for the answer",
    email_hint: "We use it only to answer you.",
    send_button: "Send my request",
    sending: "Sending…",
    sent_heading: "Request sent",
    reference_label: "Your reference:",
    sent_body: |email| format!("We will answer by e-mail to {email} within 2 working days."),
    keep_reference: "Keep this reference: quote it if you write to us again.",
    another_request: "Send another request",
    back_to_help: "Back to help",
    errors: ContactErrors {
        message_required: "Write your message.",
        message_too_long: |max| format!("Your message is over {max} characters: shorten it."),
        order_too_long: |max| format!("This field has at most {max} characters."),
        email_required: "Enter your e-mail address: we need it to answer you.",
        email_invalid: "This e-mail address does not look valid (example: jane.doe@example.com).",
        too_many,
        network: "The service is not answering. Check your internet connection and try again: your message is kept.",
        unexpected: "Something unexpected went wrong. Try again in a moment: your message is kept.",
    },
};
