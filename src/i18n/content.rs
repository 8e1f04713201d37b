//! The shapes of the long texts: the help centre's topics and answers, the
//! contact form, and the legal pages. French and English fill the same
//! shapes, so an answer or a section cannot exist in one language only
//! without a test noticing (slugs are shared; see `tests/help.rs`).

/// `/aide` and its answers.
pub struct HelpText {
    pub title: &'static str,
    pub intro: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    /// The live count of answers matching the search.
    pub result_count: fn(usize) -> String,
    pub no_result: &'static str,
    /// Link to the contact form after "no result".
    pub no_result_contact: &'static str,
    pub topics_label: &'static str,
    pub contact_heading: &'static str,
    pub contact_intro: &'static str,
    pub contact_link: &'static str,
    /// Breadcrumb of an answer's page.
    pub breadcrumb_label: &'static str,
    pub related_heading: &'static str,
    pub still_need_help: &'static str,
    pub answer_not_found: &'static str,
    pub back_to_help: &'static str,
    /// Topics in the order shown; slugs are French in both languages (they
    /// are addresses).
    pub topics: &'static [HelpTopic],
}

pub struct HelpTopic {
    pub slug: &'static str,
    pub title: &'static str,
    pub answers: &'static [HelpAnswer],
}

pub struct HelpAnswer {
    pub slug: &'static str,
    pub question: &'static str,
    pub paragraphs: &'static [&'static str],
    /// Where to go next, if anywhere (a page of the shop).
    pub link: Option<HelpLink>,
}

pub struct HelpLink {
    pub label: &'static str,
    /// One of `routes`' addresses.
    pub href: &'static str,
}

/// `/aide/contact`.
pub struct ContactText {
    pub title: &'static str,
    pub intro: &'static str,
    pub topic_label: &'static str,
    /// One label per `shop_api::support::SupportTopic`, in `ALL`'s order.
    pub topics: [&'static str; 7],
    pub order_label: &'static str,
    pub order_hint: &'static str,
    pub message_label: &'static str,
    /// (maximum characters)
    pub message_hint: fn(usize) -> String,
    pub email_label: &'static str,
    pub email_hint: &'static str,
    pub send_button: &'static str,
    pub sending: &'static str,
    pub sent_heading: &'static str,
    pub reference_label: &'static str,
    /// (e-mail address the answer goes to)
    pub sent_body: fn(&str) -> String,
    pub keep_reference: &'static str,
    pub another_request: &'static str,
    pub back_to_help: &'static str,
    pub errors: ContactErrors,
}

/// Why the contact form was refused, next to the field concerned.
pub struct ContactErrors {
    pub message_required: &'static str,
    pub message_too_long: fn(usize) -> String,
    pub order_too_long: fn(usize) -> String,
    pub email_required: &'static str,
    pub email_invalid: &'static str,
    /// (seconds to wait)
    pub too_many: fn(u64) -> String,
    pub network: &'static str,
    pub unexpected: &'static str,
}

/// The legal pages, each linked from the footer.
pub struct LegalTexts {
    pub notice: LegalText,
    pub terms: LegalText,
    pub privacy: LegalText,
    pub cookies: LegalText,
    pub accessibility: LegalText,
    /// Shown on the CGV page with `shop_api::CGV_VERSION`.
    pub terms_version: fn(&str) -> String,
    /// The table of contents' label.
    pub contents_label: &'static str,
}

pub struct LegalText {
    /// The footer link's text.
    pub link: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub sections: &'static [LegalSection],
}

pub struct LegalSection {
    /// The section's fragment (`#id`), for the table of contents.
    pub id: &'static str,
    pub heading: &'static str,
    pub blocks: &'static [LegalBlock],
}

pub enum LegalBlock {
    Paragraph(&'static str),
    List(&'static [&'static str]),
}
