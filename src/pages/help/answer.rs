//! `/aide/{topic}/{answer}`: one answer on its own address, so that it can
//! be bookmarked, shared, and found again with the back button; with the
//! other questions of its topic and the way to the contact form.

use crate::components::content_pending::ContentPending;
use crate::components::page_heading::PageHeading;
use crate::i18n::{HelpAnswer, HelpContent, HelpTopic};
use crate::routes;
use crate::state::content;
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shop_api::support::SupportTopic;

/// The topic and answer of these slugs, in one language's answers.
pub fn find<'a>(
    help: &'a HelpContent,
    topic: &str,
    answer: &str,
) -> Option<(&'a HelpTopic, &'a HelpAnswer)> {
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

/// Where the page stands: its answers on their way (or not arriving), or
/// the answer of the address, if there is one.
#[derive(Clone, PartialEq)]
enum Lookup {
    Pending { failed: bool },
    Found(HelpTopic, HelpAnswer),
    Unknown,
}

#[component]
pub fn HelpAnswerPage() -> impl IntoView {
    let t = use_strings();
    let locale = use_locale();
    let params = use_params_map();
    let fetched = LocalResource::new(move || content::help(locale.get()));
    // Slugs are the same in both languages: the page follows the language
    // switch by looking the address up in the current language's answers.
    let lookup = Memo::new(move |_| match fetched.get() {
        None => Lookup::Pending { failed: false },
        Some(Err(_)) => Lookup::Pending { failed: true },
        Some(Ok(answers)) => params.with(|params| {
            find(
                &answers,
                &params.get("theme").unwrap_or_default(),
                &params.get("reponse").unwrap_or_default(),
            )
            .map_or(Lookup::Unknown, |(topic, answer)| {
                Lookup::Found(topic.clone(), answer.clone())
            })
        }),
    });
    let heading = Signal::derive(move || match lookup.get() {
        Lookup::Pending { .. } => t.get().help.title.to_owned(),
        Lookup::Found(_, answer) => answer.question,
        Lookup::Unknown => t.get().not_found.title.to_owned(),
    });
    view! {
        <PageHeading title=heading heading=heading />
        {move || match lookup.get() {
            Lookup::Pending { failed } => view! {
                <ContentPending failed on_retry=Callback::new(move |()| fetched.refetch()) />
            }
            .into_any(),
            Lookup::Found(topic, answer) => view! { <Answer topic answer /> }.into_any(),
            Lookup::Unknown => view! {
                <p>{move || t.get().help.answer_not_found}</p>
                <p><A href=routes::HELP>{move || t.get().help.back_to_help}</A></p>
            }
            .into_any(),
        }}
    }
}

#[component]
fn Answer(topic: HelpTopic, answer: HelpAnswer) -> impl IntoView {
    let t = use_strings();
    let help = move || &t.get().help;
    let contact = routes::help_contact(contact_topic(&topic.slug));
    let HelpTopic {
        slug: topic_slug,
        title: topic_title,
        answers,
    } = topic;
    let others: Vec<HelpAnswer> = answers
        .into_iter()
        .filter(|other| other.slug != answer.slug)
        .collect();
    view! {
        <nav class="breadcrumb" aria-label=move || help().breadcrumb_label>
            <ol>
                <li><A href=routes::HELP>{move || help().title}</A></li>
                <li>{topic_title}</li>
            </ol>
        </nav>
        <div class="help-answer">
            {answer.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            {answer.link.map(|link| {
                let href = if link.href == routes::HELP_CONTACT {
                    contact.clone()
                } else {
                    link.href
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
                            <li><A href=routes::help_answer(&topic_slug, &other.slug)>{other.question}</A></li>
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
