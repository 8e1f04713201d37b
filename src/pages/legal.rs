//! The legal pages (mentions légales, CGV, confidentialité, cookies et
//! stockage, déclaration d'accessibilité): one layout. Their names come
//! from the i18n tables (`LegalTexts`), their texts from
//! `content/{fr,en}/legal.json` (`state::content`). Each is linked from the
//! footer.

use crate::components::content_pending::ContentPending;
use crate::components::page_heading::PageHeading;
use crate::i18n::{LegalBlock, LegalContent, LegalPageContent, LegalText, Strings};
use crate::state::content;
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;

#[component]
pub fn LegalNoticePage() -> impl IntoView {
    view! { <LegalPage name=|s| &s.legal.notice text=|c| &c.notice /> }
}

/// The CGV, with the version the server records when a shopper accepts them.
#[component]
pub fn TermsPage() -> impl IntoView {
    view! { <LegalPage name=|s| &s.legal.terms text=|c| &c.terms version=shop_api::CGV_VERSION /> }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! { <LegalPage name=|s| &s.legal.privacy text=|c| &c.privacy /> }
}

#[component]
pub fn CookiesPage() -> impl IntoView {
    view! { <LegalPage name=|s| &s.legal.cookies text=|c| &c.cookies /> }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! { <LegalPage name=|s| &s.legal.accessibility text=|c| &c.accessibility /> }
}

#[component]
fn LegalPage(
    /// Which page's name in the current language's tables.
    name: fn(&'static Strings) -> &'static LegalText,
    /// Which page's text in the current language's content.
    text: fn(&LegalContent) -> &LegalPageContent,
    /// Shown under the heading when the text is versioned.
    #[prop(optional)]
    version: Option<&'static str>,
) -> impl IntoView {
    let t = use_strings();
    let locale = use_locale();
    let fetched = LocalResource::new(move || content::legal(locale.get()));
    let title = Signal::derive(move || name(t.get()).title.to_owned());
    view! {
        <PageHeading title=title heading=title />
        {move || version.map(|v| view! { <p class="legal-version">{(t.get().legal.terms_version)(v)}</p> })}
        {move || match fetched.get() {
            Some(Ok(all)) => view! { <LegalBody text=text(&all).clone() /> }.into_any(),
            answer => view! {
                <ContentPending failed=answer.is_some() on_retry=Callback::new(move |()| fetched.refetch()) />
            }
            .into_any(),
        }}
    }
}

#[component]
fn LegalBody(text: LegalPageContent) -> impl IntoView {
    let t = use_strings();
    let LegalPageContent { intro, sections } = text;
    view! {
        <p class="lead">{intro}</p>
        <nav class="legal-contents" aria-label=move || t.get().legal.contents_label>
            <ol>
                {sections.iter().map(|section| view! {
                    <li><a href=format!("#{}", section.id)>{section.heading.clone()}</a></li>
                }).collect_view()}
            </ol>
        </nav>
        {sections.into_iter().map(|section| view! {
            <section class="legal-section" aria-labelledby=section.id.clone()>
                <h2 id=section.id.clone()>{section.heading}</h2>
                {section.blocks.into_iter().map(|block| match block {
                    LegalBlock::Paragraph(p) => view! { <p>{p}</p> }.into_any(),
                    LegalBlock::List(items) => view! {
                        <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
                    }.into_any(),
                }).collect_view()}
            </section>
        }).collect_view()}
    }
}
