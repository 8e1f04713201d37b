//! `/aide/{topic}/{answer}`: one answer on its own address, so that it can
//! be bookmarked, shared, and found again with the back button; with the
//! other questions of its topic and the way to the contact form.

use crate::components::page_heading::PageHeading;
use crate::i18n::{HelpAnswer, HelpText, HelpTopic};
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shop_api::support::SupportTopic;

/// The topic and answer of these slugs, in one language's help.
pub fn find(
    help: &'static HelpText,
    topic: &str,
    answer: &str,
) -> Option<(&'static HelpTopic, &'static HelpAnswer)> {
    let topic = help.topics.iter().find(|t| t.slug == topic)?;
    let answer = topic.answers.iter().find(|a| a.slug == answer)?;
    Some((topic, answer))
}

/// The contact form's topic for a help topic, so that "write to us" from
/// an answer arrives with the right topic chosen.
pub fn contact_topic(help_topic: &str) -> SupportTopic {
    match help_topic {
        "commandes-et-suivi" => SupportTopic::Order,
        "livraison" => SupportTopic::Delivery,
        "paiement-et-debit" => SupportTopic::Payment,
        "compte-et-deconnexion" => SupportTopic::Account,
        "photos-et-qualite" => SupportTopic::Photos,
        "reclamations" => SupportTopic::Claim,
        _ => SupportTopic::Other,
    }
}

#[component]
pub fn HelpAnswerPage() -> impl IntoView {
    let t = use_strings();
    let params = use_params_map();
    let found = Memo::new(move |_| {
        let params = params.get();
        find(
            &t.get().help,
            &params.get("theme").unwrap_or_default(),
            &params.get("reponse").unwrap_or_default(),
        )
        .map(|(topic, answer)| (topic.slug, answer.slug))
    });
    // Looked up again in the current language's table, so that the page
    // follows the language switch.
    let current = move || {
        found
            .get()
            .and_then(|(topic, answer)| find(&t.get().help, topic, answer))
    };
    let heading = Signal::derive(move || match current() {
        Some((_, answer)) => answer.question.to_owned(),
        None => t.get().not_found.title.to_owned(),
    });
    view! {
        <PageHeading title=heading heading=heading />
        {move || match current() {
            Some((topic, answer)) => view! { <Answer topic answer /> }.into_any(),
            None => view! {
                <p>{move || t.get().help.answer_not_found}</p>
                <p><A href=routes::HELP>{move || t.get().help.back_to_help}</A></p>
            }
            .into_any(),
        }}
    }
}

#[component]
fn Answer(topic: &'static HelpTopic, answer: &'static HelpAnswer) -> impl IntoView {
    let t = use_strings();
    let help = move || &t.get().help;
    let contact = routes::help_contact(contact_topic(topic.slug));
    let others: Vec<&'static HelpAnswer> = topic
        .answers
        .iter()
        .filter(|other| other.slug != answer.slug)
        .collect();
    view! {
        <nav class="breadcrumb" aria-label=move || help().breadcrumb_label>
            <ol>
                <li><A href=routes::HELP>{move || help().title}</A></li>
                <li>{topic.title}</li>
            </ol>
        </nav>
        <div class="help-answer">
            {answer.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            {answer.link.as_ref().map(|link| {
                let href = if link.href == routes::HELP_CONTACT {
                    contact.clone()
                } else {
                    link.href.to_owned()
                };
                view! { <p><A href=href>{link.label}</A></p> }
            })}
        </div>
        {(!others.is_empty()).then(|| view! {
            <section aria-labelledby="autres-questions">
                <h2 id="autres-questions">{move || help().related_heading}</h2>
                <ul class="help-related">
                    {others
                        .into_iter()
                        .map(|other| view! {
                            <li><A href=routes::help_answer(topic.slug, other.slug)>{other.question}</A></li>
                        })
                        .collect_view()}
                </ul>
            </section>
        })}
        <section class="help-contact" aria-labelledby="aide-contact">
            <h2 id="aide-contact">{move || help().still_need_help}</h2>
            <p>{move || help().contact_intro}</p>
            <p>
                <A href=contact attr:class="button-primary">{move || help().contact_link}</A>
                " "
                <A href=routes::HELP>{move || help().back_to_help}</A>
            </p>
        </section>
    }
}
