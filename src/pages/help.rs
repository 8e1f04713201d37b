//! `/aide`: the help centre. Topics and their answers from
//! `content/{fr,en}/help.json` (`state::content`), filtered as the shopper
//! types (accent- and case-insensitive, `search.rs`) with the count
//! announced; each answer links to its own address (`answer.rs`);
//! `contact.rs` is the contact form.

pub mod answer;
pub mod contact;
pub mod search;

use crate::components::content_pending::ContentPending;
use crate::components::page_heading::PageHeading;
use crate::i18n::HelpContent;
use crate::routes;
use crate::state::content;
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

const SEARCH_ID: &str = "aide-recherche";
const SEARCH_HINT_ID: &str = "aide-recherche-exemple";

#[component]
pub fn HelpPage() -> impl IntoView {
    let t = use_strings();
    let help = move || &t.get().help;
    let locale = use_locale();
    let fetched = LocalResource::new(move || content::help(locale.get()));
    let query = RwSignal::new(String::new());
    let words = Memo::new(move |_| search::words(&query.get()));
    let found = Memo::new(move |_| {
        let answers = fetched.get()?.ok()?;
        Some(search::count(&answers.topics, &words.get()))
    });
    view! {
        <PageHeading title=Signal::derive(move || help().title.to_owned()) heading=Signal::derive(move || help().title.to_owned()) />
        <p class="lead">{move || help().intro}</p>
        // Filtering happens as the shopper types; Enter has nothing to send.
        <form role="search" class="help-search" on:submit=|event| event.prevent_default()>
            <label for=SEARCH_ID>{move || help().search_label}</label>
            <p id=SEARCH_HINT_ID class="field-hint">{move || help().search_hint}</p>
            <input
                id=SEARCH_ID
                type="search"
                autocomplete="off"
                spellcheck="false"
                aria-describedby=SEARCH_HINT_ID
                bind:value=query
            />
        </form>
        <p role="status" class="help-count">{move || found.get().map(|n| (help().result_count)(n))}</p>
        <Show when=move || found.get() == Some(0)>
            <p class="notice">
                {move || help().no_result}" "
                <A href=routes::HELP_CONTACT>{move || help().no_result_contact}</A>
            </p>
        </Show>
        // Rebuilt when the language changes; the search only hides items,
        // so typing never moves focus or scroll.
        {move || match fetched.get() {
            Some(Ok(answers)) => view! { <Topics answers words /> }.into_any(),
            answer => view! {
                <ContentPending failed=answer.is_some() on_retry=Callback::new(move |()| fetched.refetch()) />
            }
            .into_any(),
        }}
        <section class="help-contact" aria-labelledby="aide-contact">
            <h2 id="aide-contact">{move || help().contact_heading}</h2>
            <p>{move || help().contact_intro}</p>
            <p>
                <A href=routes::HELP_CONTACT attr:class="button-primary">{move || help().contact_link}</A>
            </p>
        </section>
    }
}

#[component]
fn Topics(answers: Arc<HelpContent>, words: Memo<Vec<String>>) -> impl IntoView {
    (0..answers.topics.len())
        .map(|at| {
            let topic = &answers.topics[at];
            let heading_id = format!("theme-{}", topic.slug);
            let labelled_by = heading_id.clone();
            let all = answers.clone();
            let topic_hidden =
                move || search::count(std::slice::from_ref(&all.topics[at]), &words.get()) == 0;
            view! {
                <section class="help-topic" aria-labelledby=labelled_by hidden=topic_hidden>
                    <h2 id=heading_id>{topic.title.clone()}</h2>
                    <ul class="help-answers">
                        {(0..topic.answers.len())
                            .map(|index| {
                                let answer = &topic.answers[index];
                                let href = routes::help_answer(&topic.slug, &answer.slug);
                                let question = answer.question.clone();
                                let first = answer.paragraphs.first().cloned();
                                let all = answers.clone();
                                let hidden = move || {
                                    let topic = &all.topics[at];
                                    !search::matches(topic, &topic.answers[index], &words.get())
                                };
                                view! {
                                    <li hidden=hidden>
                                        <A href=href>{question}</A>
                                        <p>{first}</p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
}
