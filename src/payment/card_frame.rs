//! The PSP's hosted card page in an iframe, sized from its `psp.resize`
//! messages, and the filter that decides which `message` events count.

use crate::state::locale::use_strings;
use leptos::ev;
use leptos::html::Iframe;
use leptos::prelude::*;
use serde::Deserialize;
use web_sys::{HtmlIFrameElement, MessageEvent};

/// Heights outside this range are clamped: a hostile or buggy page must not
/// collapse the frame to nothing or stretch the checkout endlessly.
pub const MIN_HEIGHT: f64 = 240.0;
pub const MAX_HEIGHT: f64 = 1600.0;
/// Before the first resize message: enough for the card fields.
const INITIAL_HEIGHT: f64 = 480.0;

/// What the hosted page may tell its parent (see `psp-sandbox/API.md`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type")]
pub enum PspMessage {
    #[serde(rename = "psp.resize")]
    Resize { height: f64 },
    /// Only a hint: the order's truth comes from the shop server.
    #[serde(rename = "psp.status")]
    Status {
        payment_id: String,
        status: String,
        #[serde(default)]
        decline_code: Option<String>,
    },
}

/// The origin (`scheme://host:port`) of an absolute http(s) URL; `None`
/// for anything else, so that an opaque origin (`"null"`) never matches.
pub fn origin_of(url: &str) -> Option<String> {
    let parsed = web_sys::Url::new(url).ok()?;
    matches!(parsed.protocol().as_str(), "https:" | "http:").then(|| parsed.origin())
}

/// The message carried by `event` when, and only when, it comes from the
/// expected origin, from this frame's window, and has a known shape.
/// Anything else is ignored silently: other scripts and extensions post
/// messages too.
pub fn accept(
    event: &MessageEvent,
    expected_origin: &str,
    frame: &HtmlIFrameElement,
) -> Option<PspMessage> {
    if event.origin() != expected_origin {
        return None;
    }
    let source = event.source()?;
    let frame_window = frame.content_window()?;
    if !js_sys::Object::is(&source, &frame_window) {
        return None;
    }
    // Through JSON so that serde checks the shape; a string, a function or
    // a cyclic object fails here and is dropped.
    let json = js_sys::JSON::stringify(&event.data()).ok()?.as_string()?;
    let message: PspMessage = serde_json::from_str(&json).ok()?;
    match &message {
        PspMessage::Resize { height } if !height.is_finite() => None,
        PspMessage::Status {
            payment_id, status, ..
        } if payment_id.is_empty() || status.is_empty() => None,
        _ => Some(message),
    }
}

/// The hosted card page. `on_hint` runs after each accepted status
/// message; it carries nothing on purpose, so that the caller has to ask
/// the server what happened.
#[component]
pub fn CardFrame(
    /// The order's `payment.hosted_page_url`.
    url: String,
    on_hint: Callback<()>,
) -> impl IntoView {
    let t = use_strings();
    let frame = NodeRef::<Iframe>::new();
    let height = RwSignal::new(INITIAL_HEIGHT);
    let Some(expected_origin) = origin_of(&url) else {
        return view! {
            <p class="form-error" role="alert">{move || t.get().checkout.payment_unavailable}</p>
        }
        .into_any();
    };
    let listener = window_event_listener(ev::message, move |event: MessageEvent| {
        let Some(element) = frame.get_untracked() else {
            return;
        };
        match accept(&event, &expected_origin, &element) {
            Some(PspMessage::Resize { height: wanted }) => {
                height.set(wanted.clamp(MIN_HEIGHT, MAX_HEIGHT));
            }
            Some(PspMessage::Status { .. }) => on_hint.run(()),
            None => {}
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <iframe
            node_ref=frame
            class="card-frame"
            src=url
            title=move || t.get().checkout.card_frame_title
            allow="payment"
            style:height=move || format!("{}px", height.get())
        ></iframe>
    }
    .into_any()
}
