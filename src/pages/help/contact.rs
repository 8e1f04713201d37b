//! `/aide/contact`: the contact form. Checked in the browser first (the
//! server checks again and its refusals land next to the same fields), the
//! e-mail prefilled from the session, one request per click; then the
//! reference the server gave, in a confirmation that takes the focus.

use crate::api::{self, ApiError};
use crate::components::page_heading::PageHeading;
use crate::dom::focus_by_id;
use crate::i18n::ContactErrors;
use crate::routes;
use crate::state::locale::{use_locale, use_strings};
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shop_api::ErrorCode;
use shop_api::support::{
    MESSAGE_MAX_CHARS, NewSupportRequest, ORDER_REFERENCE_MAX_CHARS, SupportTopic,
};

pub const TOPIC_ID: &str = "contact-theme";
pub const ORDER_ID: &str = "contact-commande";
pub const MESSAGE_ID: &str = "contact-message";
pub const EMAIL_ID: &str = "contact-email";
const SENT_ID: &str = "contact-envoye";

/// A reason to refuse, translated when shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactError {
    MessageRequired,
    MessageTooLong,
    OrderTooLong,
    EmailRequired,
    EmailInvalid,
    TooMany(u64),
    Network,
    Unexpected,
}

impl ContactError {
    pub fn message(self, errors: &ContactErrors) -> String {
        match self {
            ContactError::MessageRequired => errors.message_required.to_owned(),
            ContactError::MessageTooLong => (errors.message_too_long)(MESSAGE_MAX_CHARS),
            ContactError::OrderTooLong => (errors.order_too_long)(ORDER_REFERENCE_MAX_CHARS),
            ContactError::EmailRequired => errors.email_required.to_owned(),
            ContactError::EmailInvalid => errors.email_invalid.to_owned(),
            ContactError::TooMany(seconds) => (errors.too_many)(seconds),
            ContactError::Network => errors.network.to_owned(),
            ContactError::Unexpected => errors.unexpected.to_owned(),
        }
    }
}

/// Refusals by place: next to a field, or for the whole form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ContactErrorsFound {
    pub order: Option<ContactError>,
    pub message: Option<ContactError>,
    pub email: Option<ContactError>,
    pub form: Option<ContactError>,
}

impl ContactErrorsFound {
    /// The first field with a refusal, in the form's order: focus goes there.
    pub fn first_field(&self) -> Option<&'static str> {
        [
            (self.order, ORDER_ID),
            (self.message, MESSAGE_ID),
            (self.email, EMAIL_ID),
        ]
        .into_iter()
        .find_map(|(error, id)| error.map(|_| id))
    }
}

/// The browser-side rules, the same limits as the server's.
pub fn check(order: &str, message: &str, email: &str) -> ContactErrorsFound {
    let message = message.trim();
    let email = email.trim();
    ContactErrorsFound {
        order: (order.trim().chars().count() > ORDER_REFERENCE_MAX_CHARS)
            .then_some(ContactError::OrderTooLong),
        message: if message.is_empty() {
            Some(ContactError::MessageRequired)
        } else if message.chars().count() > MESSAGE_MAX_CHARS {
            Some(ContactError::MessageTooLong)
        } else {
            None
        },
        email: if email.is_empty() {
            Some(ContactError::EmailRequired)
        } else if !looks_like_email(email) {
            Some(ContactError::EmailInvalid)
        } else {
            None
        },
        form: None,
    }
}

fn looks_like_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !email.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// Where the server's refusal belongs.
fn refusal(error: &ApiError, message: &str) -> ContactErrorsFound {
    let mut found = ContactErrorsFound::default();
    match error {
        ApiError::Refused {
            code,
            retry_after_seconds,
            ..
        } => match code {
            ErrorCode::InvalidSupportMessage if message.trim().is_empty() => {
                found.message = Some(ContactError::MessageRequired)
            }
            ErrorCode::InvalidSupportMessage => found.message = Some(ContactError::MessageTooLong),
            ErrorCode::InvalidOrderReference => found.order = Some(ContactError::OrderTooLong),
            ErrorCode::InvalidEmail => found.email = Some(ContactError::EmailInvalid),
            ErrorCode::TooManySupportRequests => {
                found.form = Some(ContactError::TooMany(retry_after_seconds.unwrap_or(60)))
            }
            _ => found.form = Some(ContactError::Unexpected),
        },
        ApiError::Network(_) => found.form = Some(ContactError::Network),
        ApiError::Unreadable { .. } => found.form = Some(ContactError::Unexpected),
    }
    found
}

/// What the server answered: the reference and where the answer goes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Sent {
    reference: String,
    email: String,
}

#[component]
pub fn ContactPage() -> impl IntoView {
    let t = use_strings();
    let contact = move || &t.get().contact;
    let sent = RwSignal::new(None::<Sent>);
    view! {
        <PageHeading title=Signal::derive(move || contact().title.to_owned()) heading=Signal::derive(move || contact().title.to_owned()) />
        {move || match sent.get() {
            None => view! { <ContactForm on_sent=Callback::new(move |s| sent.set(Some(s))) /> }.into_any(),
            Some(done) => view! {
                <section class="confirmation" aria-labelledby=SENT_ID>
                    <h2 id=SENT_ID tabindex="-1">{move || contact().sent_heading}</h2>
                    <p class="confirmation__reference">
                        {move || contact().reference_label}" "
                        <strong>{done.reference.clone()}</strong>
                    </p>
                    <p>{move || (contact().sent_body)(&done.email)}</p>
                    <p>{move || contact().keep_reference}</p>
                    <p class="confirm-actions">
                        <A href=routes::HELP>{move || contact().back_to_help}</A>
                        <button type="button" class="button-secondary" on:click=move |_| sent.set(None)>
                            {move || contact().another_request}
                        </button>
                    </p>
                </section>
            }
            .into_any(),
        }}
    }
}

#[component]
fn ContactForm(on_sent: Callback<Sent>) -> impl IntoView {
    let t = use_strings();
    let locale = use_locale();
    let contact = move || &t.get().contact;
    let session = use_session().status();
    // A link from a help answer may choose the topic (`?theme=claim`).
    let chosen = use_query_map()
        .get_untracked()
        .get(routes::CONTACT_TOPIC_PARAM)
        .and_then(|name| SupportTopic::parse(&name))
        .and_then(|wanted| SupportTopic::ALL.iter().position(|t| *t == wanted))
        .unwrap_or(0);
    let topic = RwSignal::new(chosen);
    let order = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let errors = RwSignal::new(ContactErrorsFound::default());
    // One request at a time; its answer arrives through the action, so a
    // form left while sending never acts on it.
    let send = Action::new_local(|request: &NewSupportRequest| {
        let request = request.clone();
        async move {
            match api::support::send(&request).await {
                Ok(receipt) => Ok(Sent {
                    reference: receipt.reference,
                    email: request.email,
                }),
                Err(error) => Err(refusal(&error, &request.message)),
            }
        }
    });
    let pending = send.pending();
    Effect::new(move |_| match send.value().get() {
        Some(Ok(done)) => {
            on_sent.run(done);
            request_animation_frame(|| {
                focus_by_id(SENT_ID);
            });
        }
        Some(Err(found)) => {
            errors.set(found);
            if let Some(id) = found.first_field() {
                focus_by_id(id);
            }
        }
        None => {}
    });
    // Prefilled once the session is known, unless the shopper typed first.
    Effect::new(move |_| {
        if let SessionStatus::SignedIn(account) = session.get()
            && email.get_untracked().is_empty()
        {
            email.set(account.email);
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let found = check(
            &order.get_untracked(),
            &message.get_untracked(),
            &email.get_untracked(),
        );
        errors.set(found);
        if let Some(id) = found.first_field() {
            focus_by_id(id);
            return;
        }
        let request = NewSupportRequest {
            topic: SupportTopic::ALL
                .get(topic.get_untracked())
                .copied()
                .unwrap_or(SupportTopic::Other),
            order_reference: Some(order.get_untracked().trim().to_owned())
                .filter(|o| !o.is_empty()),
            message: message.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            // The acknowledgement and the answer are written in it.
            language: Some(locale.get_untracked().language()),
        };
        send.dispatch_local(request);
    };
    let text = move |error: Option<ContactError>| error.map(|e| e.message(&t.get().contact.errors));
    let field_error = move |id: &'static str, error: Signal<Option<ContactError>>| {
        move || {
            text(error.get()).map(|message| {
                view! { <p id=format!("{id}-erreur") class="field-error">{message}</p> }
            })
        }
    };
    let order_error = Signal::derive(move || errors.get().order);
    let message_error = Signal::derive(move || errors.get().message);
    let email_error = Signal::derive(move || errors.get().email);
    let described = move |id: &'static str, error: Signal<Option<ContactError>>| {
        move || {
            if error.get().is_some() {
                format!("{id}-aide {id}-erreur")
            } else {
                format!("{id}-aide")
            }
        }
    };
    view! {
        <p class="lead">{move || contact().intro}</p>
        <form class="contact-form" novalidate on:submit=submit>
            {move || text(errors.get().form).map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            <div class="field">
                <label for=TOPIC_ID>{move || contact().topic_label}</label>
                <select
                    id=TOPIC_ID
                    name=TOPIC_ID
                    on:change=move |event| {
                        if let Ok(index) = event_target_value(&event).parse::<usize>() {
                            topic.set(index);
                        }
                    }
                >
                    {move || {
                        contact()
                            .topics
                            .iter()
                            .enumerate()
                            .map(|(index, label)| view! {
                                <option value=index.to_string() selected=move || topic.get() == index>{*label}</option>
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for=ORDER_ID>{move || contact().order_label}</label>
                <p id=format!("{ORDER_ID}-aide") class="field-hint">{move || contact().order_hint}</p>
                <input
                    id=ORDER_ID
                    name=ORDER_ID
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=move || order_error.get().is_some().then_some("true")
                    aria-describedby=described(ORDER_ID, order_error)
                    bind:value=order
                />
                {field_error(ORDER_ID, order_error)}
            </div>
            <div class="field">
                <label for=MESSAGE_ID>{move || contact().message_label}</label>
                <p id=format!("{MESSAGE_ID}-aide") class="field-hint">{move || (contact().message_hint)(MESSAGE_MAX_CHARS)}</p>
                <textarea
                    id=MESSAGE_ID
                    name=MESSAGE_ID
                    rows="8"
                    required
                    aria-invalid=move || message_error.get().is_some().then_some("true")
                    aria-describedby=described(MESSAGE_ID, message_error)
                    bind:value=message
                ></textarea>
                {field_error(MESSAGE_ID, message_error)}
            </div>
            <div class="field">
                <label for=EMAIL_ID>{move || contact().email_label}</label>
                <p id=format!("{EMAIL_ID}-aide") class="field-hint">{move || contact().email_hint}</p>
                <input
                    id=EMAIL_ID
                    name=EMAIL_ID
                    type="email"
                    inputmode="email"
                    autocomplete="email"
                    autocapitalize="off"
                    spellcheck="false"
                    required
                    aria-invalid=move || email_error.get().is_some().then_some("true")
                    aria-describedby=described(EMAIL_ID, email_error)
                    bind:value=email
                />
                {field_error(EMAIL_ID, email_error)}
            </div>
            <button type="submit" class="button-primary" disabled=move || pending.get()>
                {move || if pending.get() { contact().sending } else { contact().send_button }}
            </button>
        </form>
    }
}
