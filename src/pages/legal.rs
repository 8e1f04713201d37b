//! The legal pages (mentions légales, CGV, confidentialité, cookies et
//! stockage, déclaration d'accessibilité): one layout, the texts in the
//! i18n tables (`LegalTexts`). Each is linked from the footer.

use crate::components::page_heading::PageHeading;
use crate::i18n::{LegalBlock, LegalText, Strings};
use crate::state::locale::use_strings;
use leptos::prelude::*;

#[component]
pub fn LegalNoticePage() -> impl IntoView {
    view! { <LegalPage pick=|s| &s.legal.notice /> }
}

/// The CGV, with the version the server records when a shopper accepts them.
#[component]
pub fn TermsPage() -> impl IntoView {
    view! { <LegalPage pick=|s| &s.legal.terms version=shop_api::CGV_VERSION /> }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! { <LegalPage pick=|s| &s.legal.privacy /> }
}

#[component]
pub fn CookiesPage() -> impl IntoView {
    view! { <LegalPage pick=|s| &s.legal.cookies /> }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! { <LegalPage pick=|s| &s.legal.accessibility /> }
}

#[component]
fn LegalPage(
    /// Which text of the current language's tables.
    pick: fn(&'static Strings) -> &'static LegalText,
    /// Shown under the heading when the text is versioned.
    #[prop(optional)]
    version: Option<&'static str>,
) -> impl IntoView {
    let t = use_strings();
    let text = move || pick(t.get());
    let title = Signal::derive(move || text().title.to_owned());
    view! {
        <PageHeading title=title heading=title />
        {move || version.map(|v| view! { <p class="legal-version">{(t.get().legal.terms_version)(v)}</p> })}
        <p class="lead">{move || text().intro}</p>
        {move || {
            let text = text();
            view! {
                <nav class="legal-contents" aria-label=t.get().legal.contents_label>
                    <ol>
                        {text.sections.iter().map(|section| view! {
                            <li><a href=format!("#{}", section.id)>{section.heading}</a></li>
                        }).collect_view()}
                    </ol>
                </nav>
                {text.sections.iter().map(|section| view! {
                    <section class="legal-section" aria-labelledby=section.id>
                        <h2 id=section.id>{section.heading}</h2>
                        {section.blocks.iter().map(|block| match block {
                            LegalBlock::Paragraph(p) => view! { <p>{*p}</p> }.into_any(),
                            LegalBlock::List(items) => view! {
                                <ul>{items.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul>
                            }.into_any(),
                        }).collect_view()}
                    </section>
                }).collect_view()}
            }
        }}
    }
}
