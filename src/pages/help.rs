//! `/aide`: the help centre. Topics and their answers from the i18n tables,
//! filtered as the shopper types (accent- and case-insensitive, `search.rs`)
//! with the count announced; each answer links to its own address
//! (`answer.rs`); `contact.rs` is the contact form.

pub mod answer;
pub mod contact;
pub mod search;

use crate::components::page_heading::PageHeading;
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;

const SEARCH_ID: &str = "aide-recherche";
const SEARCH_HINT_ID: &str = "aide-recherche-exemple";

#[component]
pub fn HelpPage() -> impl IntoView {
    let t = use_strings();
    let help = move || &t.get().help;
    let query = RwSignal::new(String::new());
    let words = Memo::new(move |_| search::words(&query.get()));
    let found = Memo::new(move |_| search::count(help().topics, &words.get()));
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
        <p role="status" class="help-count">{move || (help().result_count)(found.get())}</p>
        <Show when=move || found.get() == 0>
            <p class="notice">
                {move || help().no_result}" "
                <A href=routes::HELP_CONTACT>{move || help().no_result_contact}</A>
            </p>
        </Show>
        // Rebuilt when the language changes; the search only hides items,
        // so typing never moves focus or scroll.
        {move || {
            help()
                .topics
                .iter()
                .map(|topic| {
                    let heading_id = format!("theme-{}", topic.slug);
                    let labelled_by = heading_id.clone();
                    let topic_hidden = move || search::count(std::slice::from_ref(topic), &words.get()) == 0;
                    view! {
                        <section class="help-topic" aria-labelledby=labelled_by hidden=topic_hidden>
                            <h2 id=heading_id>{topic.title}</h2>
                            <ul class="help-answers">
                                {topic
                                    .answers
                                    .iter()
                                    .map(|answer| {
                                        let hidden = move || !search::matches(topic, answer, &words.get());
                                        view! {
                                            <li hidden=hidden>
                                                <A href=routes::help_answer(topic.slug, answer.slug)>{answer.question}</A>
                                                <p>{answer.paragraphs.first().copied()}</p>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()
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
