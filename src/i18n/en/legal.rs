//! English: the legal pages, a translation of the French ones (which are
//! the reference). Company details are placeholders, marked "example" or
//! "to be completed".

use crate::i18n::*;
use LegalBlock::{List, Paragraph};

const PUBLISHER: &str = "Service Photo SAS (example), a société par actions simplifiée with a share capital of [to be completed] €, registered with the RCS of [city to be completed] under number [to be completed], EU VAT number [to be completed].";
const ADDRESS: &str = "Registered office: [postal address to be completed], France.";

pub const LEGAL: LegalTexts = LegalTexts {
    contents_label: "Contents",
    terms_version: |version| format!("Version in force: {version}."),
    notice: LegalText {
        link: "Legal notice",
        title: "Legal notice",
        intro: "About the publisher and host of this site, as French law (LCEN) requires. Details marked “example” or “to be completed” are placeholders.",
        sections: &[
            LegalSection {
                id: "editeur",
                heading: "Publisher",
                blocks: &[
                    Paragraph(PUBLISHER),
                    Paragraph(ADDRESS),
                    Paragraph("Director of publication: [name to be completed]."),
                ],
            },
            LegalSection {
                id: "hebergeur",
                heading: "Host",
                blocks: &[Paragraph(
                    "Hébergeur Exemple SAS (example), [postal address to be completed], phone: [to be completed].",
                )],
            },
            LegalSection {
                id: "contact",
                heading: "Contact us",
                blocks: &[
                    Paragraph(
                        "Through the help centre's contact form (under “Help and customer service”): every request gets a reference and an answer by e-mail.",
                    ),
                    Paragraph(
                        "By post: Service Photo SAS (example), [postal address to be completed].",
                    ),
                ],
            },
            LegalSection {
                id: "propriete",
                heading: "Intellectual property",
                blocks: &[Paragraph(
                    "The site's texts, illustrations and code belong to the publisher. Your photos remain yours: we use them only to make your products.",
                )],
            },
        ],
    },
    terms: LegalText {
        link: "Terms of sale",
        title: "Terms of sale",
        intro: "These terms apply to orders placed on this site by consumers. You accept them by ordering; the version accepted is the one in force that day. The French version prevails.",
        sections: &[
            LegalSection {
                id: "vendeur",
                heading: "1. Seller",
                blocks: &[Paragraph(PUBLISHER), Paragraph(ADDRESS)],
            },
            LegalSection {
                id: "produits",
                heading: "2. Products",
                blocks: &[
                    Paragraph(
                        "We make prints, photo books, calendars and posters from the photos you choose in our creation tools. Each product, with its sizes and options, is described in the catalogue.",
                    ),
                    Paragraph(
                        "You warrant that you hold the rights to the photos you send (copyright, and the image rights of the people shown) and that they are lawful.",
                    ),
                ],
            },
            LegalSection {
                id: "prix",
                heading: "3. Prices",
                blocks: &[
                    Paragraph(
                        "Prices are in euros, all taxes included (French VAT of 20% included). Delivery costs are shown before payment, in the cart and at the “Delivery” step.",
                    ),
                    Paragraph(
                        "The price charged is the one shown in the order summary, computed by our servers when you order.",
                    ),
                ],
            },
            LegalSection {
                id: "commande",
                heading: "4. Ordering",
                blocks: &[
                    Paragraph(
                        "To order, you save your projects to your account, then give the delivery address, choose the delivery option, check the summary and pay. The contract is made when the payment is accepted: the order's page then shows it as confirmed.",
                    ),
                    Paragraph(
                        "You can cancel an order from its page, free of charge, until it ships.",
                    ),
                ],
            },
            LegalSection {
                id: "paiement",
                heading: "5. Payment and when you are debited",
                blocks: &[
                    List(&[
                        "Visa, Carte Bleue, American Express, Mastercard and Maestro cards: you pay in the secure form of our certified payment service provider. The amount is authorized when you order, and your account is debited only when your products ship. If the authorization expires before shipment, we ask you to pay again; the debit still happens at shipment.",
                        "Apple Pay and Google Pay: you authenticate with your wallet, and your account is debited while the order is processed. An order cancelled before shipment is refunded.",
                    ]),
                    Paragraph(
                        "Your card details are used only to process the order: they stay with our payment provider and the shop never stores them.",
                    ),
                ],
            },
            LegalSection {
                id: "livraison",
                heading: "6. Delivery",
                blocks: &[
                    Paragraph("We deliver in France and Monaco. Options, prices and delays:"),
                    List(&[
                        "Standard delivery: €4.99, in 3 to 5 working days.",
                        "Pick-up point: €3.99, in 3 to 6 working days, at the pick-up point nearest the address given.",
                        "Express delivery: €9.99, in 1 to 2 working days.",
                    ]),
                    Paragraph(
                        "Standard delivery and pick-up points are free from €49 of products. The risk of loss or damage passes to you when you, or someone you name, take physical possession of the products. If delivery is late, you may ask us to deliver within a reasonable time and, failing that, end the contract, as the Code de la consommation provides.",
                    ),
                ],
            },
            LegalSection {
                id: "retractation",
                heading: "7. No right of withdrawal",
                blocks: &[
                    Paragraph(
                        "Our products are made to your specifications and clearly personalised, from your photos. Under article L221-28 3° of the Code de la consommation, the right of withdrawal does not apply to them.",
                    ),
                    Paragraph(
                        "This does not limit your legal guarantees (section 8), nor cancelling an order before it ships (section 4).",
                    ),
                ],
            },
            LegalSection {
                id: "garanties",
                heading: "8. Legal guarantees",
                blocks: &[
                    Paragraph(
                        "Legal guarantee of conformity (articles L217-3 and following of the Code de la consommation): for two years from delivery, you can have a non-conforming product brought into conformity, by repair or replacement, or failing that obtain a price reduction or end the contract. During that time you need not prove that the defect existed at delivery. This guarantee applies whatever commercial gesture is made.",
                    ),
                    Paragraph(
                        "Guarantee against hidden defects (articles 1641 and following of the Code civil): you may act within two years of discovering the defect, and choose between ending the sale and a price reduction.",
                    ),
                    Paragraph(
                        "To use a guarantee, write to us with the contact form (topic “Claim”), saying which order it is.",
                    ),
                ],
            },
            LegalSection {
                id: "mediation",
                heading: "9. Customer service and mediation",
                blocks: &[
                    Paragraph(
                        "For any claim, first write to our customer service through the help centre's contact form. We answer within 2 working days.",
                    ),
                    Paragraph(
                        "If your written claim was not settled, you may turn, free of charge, to the consumer mediator: [mediator's name to be completed] (example), [address and website to be completed].",
                    ),
                ],
            },
            LegalSection {
                id: "donnees",
                heading: "10. Personal data",
                blocks: &[Paragraph(
                    "How we process your data is described in our privacy policy.",
                )],
            },
            LegalSection {
                id: "droit",
                heading: "11. Governing law",
                blocks: &[Paragraph(
                    "These terms are governed by French law. You may bring a case, as you choose, before the court of the place where you lived when ordering or when the harm occurred.",
                )],
            },
        ],
    },
    privacy: LegalText {
        link: "Privacy",
        title: "Privacy policy",
        intro: "What we collect, why, how long we keep it, and how to use your rights under the General Data Protection Regulation (GDPR).",
        sections: &[
            LegalSection {
                id: "responsable",
                heading: "Controller",
                blocks: &[Paragraph(
                    "Service Photo SAS (example), [postal address to be completed]. Contact: the help centre's contact form.",
                )],
            },
            LegalSection {
                id: "donnees",
                heading: "What we collect, why and for how long",
                blocks: &[List(&[
                    "Your account: e-mail address and password, which we keep only as a hash (Argon2id), to identify you (performance of the contract). Kept until the account is deleted, which you may ask for at any time.",
                    "Your session: a random token in the sp_session cookie, of which we keep only a hash. It ends when you sign out, after 7 days without a visit, and at the latest 30 days after signing in.",
                    "Your saved projects and their photos, to make them and let you reach them from any browser (performance of the contract). Kept until you remove the photo or delete the project, or until the account is deleted.",
                    "Your cart, while you are signed in. It is deleted when you sign out.",
                    "Your orders: products, amounts, delivery address (name, address, phone) and payment state, to make, deliver and invoice them. Kept 10 years, the retention period of accounting records (article L123-22 of the Code de commerce).",
                    "Payment: we never receive your card's number, expiry date or code; we keep only the payment's reference and state at our provider.",
                    "Your requests to customer service: topic, order concerned, message, e-mail address and the IP address it was sent from, to answer you; the IP address is used to limit abusive sending (legitimate interest). Kept 3 years after our answer.",
                ])],
            },
            LegalSection {
                id: "destinataires",
                heading: "Who receives them",
                blocks: &[
                    List(&[
                        "Our certified payment service provider, for payments.",
                        "The carrier, for delivery: the recipient's name, address and phone.",
                        "Our host, who stores the data on our behalf.",
                    ]),
                    Paragraph("We do not sell your data and do not use it for advertising."),
                ],
            },
            LegalSection {
                id: "droits",
                heading: "Your rights and how to use them",
                blocks: &[
                    Paragraph(
                        "You have the rights of access, rectification, erasure, restriction, portability and objection, and the right to give instructions on what happens to your data after your death.",
                    ),
                    Paragraph(
                        "To use them, write to us with the contact form (topic “Account”), from your account's e-mail address, or by post to the address above. We answer within one month.",
                    ),
                    Paragraph(
                        "If you believe your rights are not respected, you may complain to the CNIL (Commission nationale de l'informatique et des libertés), at www.cnil.fr or by post: 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France.",
                    ),
                ],
            },
            LegalSection {
                id: "securite",
                heading: "Security",
                blocks: &[Paragraph(
                    "Exchanges with the site are encrypted. Passwords and session tokens are never stored in clear. Card details stay with our payment provider.",
                )],
            },
        ],
    },
    cookies: LegalText {
        link: "Cookies and storage",
        title: "Cookies and storage",
        intro: "The site uses a single cookie, needed to sign in, and keeps in your browser what saves you from losing your work. No tracker, no audience measurement, no advertising: that is why we do not ask for your consent.",
        sections: &[
            LegalSection {
                id: "cookie",
                heading: "The session cookie",
                blocks: &[
                    Paragraph(
                        "sp_session: a random token that keeps you signed in. Scripts cannot read it (HttpOnly), it is sent only to this site (SameSite) and, online, only over an encrypted connection (Secure).",
                    ),
                    Paragraph(
                        "It goes when you sign out, after 7 days without a visit, and at the latest 30 days after signing in. Strictly needed for the service you ask for, it does not require your consent.",
                    ),
                ],
            },
            LegalSection {
                id: "navigateur",
                heading: "What your browser keeps",
                blocks: &[
                    List(&[
                        "Local storage (localStorage): the language you chose (service-photo.locale), whether this browser had a session, so we can tell you it expired (service-photo.had-session), a guest's cart (service-photo.panier) and the copy of your account's cart (service-photo.panier-compte).",
                        "IndexedDB database service-photo-projets: your projects, their photos and thumbnails, including projects not saved to your account.",
                        "Session storage (sessionStorage): the order being paid and the key that stops it being made twice (service-photo.commande.cle, service-photo.commande.en-cours). They go when the tab closes.",
                    ]),
                    Paragraph(
                        "This data stays on your device: it is not sent to us, except when you save a project or your cart to your account.",
                    ),
                ],
            },
            LegalSection {
                id: "effacer",
                heading: "Clearing it",
                blocks: &[Paragraph(
                    "Signing out clears local storage, session storage and this browser's projects, including unsaved projects and the cart: we show what will be lost first. You can also clear everything in your browser's settings.",
                )],
            },
            LegalSection {
                id: "tiers",
                heading: "Third-party services",
                blocks: &[Paragraph(
                    "The card form is served by our payment provider, from its own site, under its own policy. Apple Pay and Google Pay are shown by your browser, under Apple's and Google's policies.",
                )],
            },
        ],
    },
    accessibility: LegalText {
        link: "Accessibility: partially compliant",
        title: "Accessibility statement",
        intro: "Service Photo SAS (example) is committed to making its site accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005. This statement applies to the Service Photo shop's site.",
        sections: &[
            LegalSection {
                id: "etat",
                heading: "Compliance status",
                blocks: &[
                    Paragraph(
                        "The site is partially compliant with the French accessibility framework RGAA (référentiel général d'amélioration de l'accessibilité), version 4.1.2.",
                    ),
                    Paragraph(
                        "This status rests on our own checks: no full audit has been made yet. An audit will confirm or correct it, and this statement will be updated.",
                    ),
                ],
            },
            LegalSection {
                id: "verifications",
                heading: "Our checks",
                blocks: &[List(&[
                    "Automatic check of every page with axe-core, in Chromium, including on a 375 pixel wide screen.",
                    "Whole journeys with the keyboard alone: navigation, account creation, cart, checkout and payment.",
                    "Page titles, a single main heading, and focus moved on every page change.",
                    "Text contrast of at least 4.5:1.",
                ])],
            },
            LegalSection {
                id: "non-accessible",
                heading: "Content not accessible or not checked",
                blocks: &[List(&[
                    "The site has not yet been tested with screen readers or by disabled people.",
                    "The card form is provided by our payment provider; its accessibility is its responsibility.",
                    "Apple Pay and Google Pay sheets are shown by your device.",
                    "Your photos have no text description: they are named by their number in the project.",
                ])],
            },
            LegalSection {
                id: "etablissement",
                heading: "About this statement",
                blocks: &[Paragraph(
                    "Statement made on 1 December 2026. Technologies used: HTML, CSS, WAI-ARIA, WebAssembly and JavaScript.",
                )],
            },
            LegalSection {
                id: "contact",
                heading: "Feedback and contact",
                blocks: &[Paragraph(
                    "If you cannot reach some content or service, write to us with the help centre's contact form (topic “Something else”) or by post to Service Photo SAS (example), [postal address to be completed]: we will offer another way to reach it.",
                )],
            },
            LegalSection {
                id: "recours",
                heading: "Remedies",
                blocks: &[
                    Paragraph(
                        "If you reported an accessibility problem to us without a satisfactory answer, you may refer it to the Défenseur des droits (the French rights ombudsman):",
                    ),
                    List(&[
                        "through the online form at www.defenseurdesdroits.fr;",
                        "through the Défenseur des droits' delegate in your region;",
                        "by phone on 09 69 39 00 00;",
                        "by post, free of charge, without a stamp: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.",
                    ]),
                ],
            },
        ],
    },
};
