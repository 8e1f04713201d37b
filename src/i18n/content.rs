//! The shapes of the long texts: the help centre, the contact form, and the
//! legal pages. Their labels are compiled in; the answers and the legal
//! texts themselves are files (`content/{fr,en}/*.json`, served beside the
//! app and read into the `*Content` types here), because the main wasm
//! module carries every compiled-in sentence to every page. French and
//! English fill the same shapes, so an answer or a section cannot exist in
//! one language only without a test noticing (slugs are shared; see
//! `tests/help.rs`).

use serde::Deserialize;

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
}

/// `content/{fr,en}/help.json`: the help centre's answers.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpContent {
    /// Topics in the order shown; slugs are French in both languages (they
    /// are addresses).
    pub topics: Vec<HelpTopic>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpTopic {
    pub slug: String,
    pub title: String,
    pub answers: Vec<HelpAnswer>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpAnswer {
    pub slug: String,
    pub question: String,
    pub paragraphs: Vec<String>,
    /// Where to go next, if anywhere (a page of the shop).
    #[serde(default)]
    pub link: Option<HelpLink>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpLink {
    pub label: String,
    /// One of `routes`' addresses.
    pub href: String,
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

/// A legal page's name.
pub struct LegalText {
    /// The footer link's text.
    pub link: &'static str,
    pub title: &'static str,
}

/// `content/{fr,en}/legal.json`: the legal pages' texts, one field per
/// page of `LegalTexts`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalContent {
    pub notice: LegalPageContent,
    pub terms: LegalPageContent,
    pub privacy: LegalPageContent,
    pub cookies: LegalPageContent,
    pub accessibility: LegalPageContent,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalPageContent {
    pub intro: String,
    pub sections: Vec<LegalSection>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalSection {
    /// The section's fragment (`#id`), for the table of contents.
    pub id: String,
    pub heading: String,
    pub blocks: Vec<LegalBlock>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum LegalBlock {
    Paragraph(String),
    List(Vec<String>),
}
