//! English: the help centre's labels and the contact form. The answers are
//! `content/en/help.json`, fetched by the help pages.

use crate::i18n::*;

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
