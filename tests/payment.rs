//! Browser tests (headless Chromium) of the payment boundary: which
//! `message` events the card frame accepts, and what it does with them.

use leptos::prelude::*;
use storefront::payment::{CardFrame, MAX_HEIGHT, PspMessage, accept, origin_of};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{HtmlIFrameElement, MessageEvent, MessageEventInit};

mod support;
use support::{container, next_tick, one};

wasm_bindgen_test_configure!(run_in_browser);

const PSP_ORIGIN: &str = "http://127.0.0.1:9";
const PAGE_URL: &str = "http://127.0.0.1:9/pay/pay_test";

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap()
}

fn message(origin: &str, source: Option<&js_sys::Object>, data: &JsValue) -> MessageEvent {
    let init = MessageEventInit::new();
    init.set_origin(origin);
    init.set_data(data);
    if let Some(source) = source {
        init.set_source(Some(source));
    }
    MessageEvent::new_with_event_init_dict("message", &init).unwrap()
}

fn frame_in(root: &web_sys::Element) -> HtmlIFrameElement {
    one(root, "iframe").unchecked_into()
}

/// The inline height the component set.
fn height(frame: &HtmlIFrameElement) -> String {
    frame
        .get_attribute("style")
        .unwrap_or_default()
        .split(';')
        .find_map(|rule| {
            rule.trim()
                .strip_prefix("height:")
                .map(|v| v.trim().to_owned())
        })
        .unwrap_or_default()
}

fn status() -> JsValue {
    json(r#"{"type":"psp.status","payment_id":"pay_1","status":"authorized"}"#)
}

#[wasm_bindgen_test]
fn the_origin_is_the_hosted_pages_own() {
    assert_eq!(origin_of(PAGE_URL).as_deref(), Some(PSP_ORIGIN));
    assert_eq!(
        origin_of("https://psp.example:8443/pay/x?y=1").as_deref(),
        Some("https://psp.example:8443")
    );
    assert_eq!(origin_of("javascript:alert(1)"), None);
    assert_eq!(origin_of("data:text/html,hi"), None);
    assert_eq!(origin_of("/pay/relative"), None);
}

#[wasm_bindgen_test]
async fn only_the_frames_own_well_formed_messages_are_accepted() {
    let root = container();
    let document = document();
    let frame: HtmlIFrameElement = document.create_element("iframe").unwrap().unchecked_into();
    root.append_child(&frame).unwrap();
    let frame_window: js_sys::Object = frame.content_window().unwrap().unchecked_into();
    let page_window: js_sys::Object = window().unchecked_into();

    let wrong_origin = message("http://127.0.0.1:8080", Some(&frame_window), &status());
    assert_eq!(accept(&wrong_origin, PSP_ORIGIN, &frame), None);
    let lookalike = message("http://127.0.0.1:90", Some(&frame_window), &status());
    assert_eq!(accept(&lookalike, PSP_ORIGIN, &frame), None);
    let wrong_source = message(PSP_ORIGIN, Some(&page_window), &status());
    assert_eq!(accept(&wrong_source, PSP_ORIGIN, &frame), None);
    let no_source = message(PSP_ORIGIN, None, &status());
    assert_eq!(accept(&no_source, PSP_ORIGIN, &frame), None);
    for bad in [
        JsValue::from_str(r#"{"type":"psp.status","payment_id":"pay_1","status":"authorized"}"#),
        json(r#"{"type":"psp.other"}"#),
        json(r#"{"type":"psp.resize","height":"tall"}"#),
        json(r#"{"type":"psp.status","payment_id":"","status":"authorized"}"#),
        json(r#"{"type":"psp.status","status":"authorized"}"#),
        JsValue::NULL,
    ] {
        let event = message(PSP_ORIGIN, Some(&frame_window), &bad);
        assert_eq!(accept(&event, PSP_ORIGIN, &frame), None, "{bad:?}");
    }

    let good = message(PSP_ORIGIN, Some(&frame_window), &status());
    assert_eq!(
        accept(&good, PSP_ORIGIN, &frame),
        Some(PspMessage::Status {
            payment_id: "pay_1".into(),
            status: "authorized".into(),
            decline_code: None,
        })
    );
    let declined = message(
        PSP_ORIGIN,
        Some(&frame_window),
        &json(
            r#"{"type":"psp.status","payment_id":"pay_1","status":"declined","decline_code":"insufficient_funds"}"#,
        ),
    );
    assert!(matches!(
        accept(&declined, PSP_ORIGIN, &frame),
        Some(PspMessage::Status { decline_code: Some(code), .. }) if code == "insufficient_funds"
    ));
    let resize = message(
        PSP_ORIGIN,
        Some(&frame_window),
        &json(r#"{"type":"psp.resize","height":420}"#),
    );
    assert_eq!(
        accept(&resize, PSP_ORIGIN, &frame),
        Some(PspMessage::Resize { height: 420.0 })
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_card_frame_hints_only_on_its_own_status_messages_and_follows_its_height() {
    let root = container();
    let hints = RwSignal::new(0u32);
    let mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <CardFrame url=PAGE_URL.to_owned() on_hint=Callback::new(move |()| hints.update(|n| *n += 1)) /> }
    });
    next_tick().await;
    let frame = frame_in(&root);
    assert_eq!(frame.get_attribute("src").as_deref(), Some(PAGE_URL));
    assert_eq!(
        frame.get_attribute("title").as_deref(),
        Some("Formulaire de paiement sécurisé de notre prestataire")
    );
    assert_eq!(frame.get_attribute("allow").as_deref(), Some("payment"));
    let frame_window: js_sys::Object = frame.content_window().unwrap().unchecked_into();
    let page_window: js_sys::Object = window().unchecked_into();

    let send = |event: MessageEvent| {
        window().dispatch_event(&event).unwrap();
    };
    send(message(
        "http://127.0.0.1:8080",
        Some(&frame_window),
        &status(),
    ));
    send(message(PSP_ORIGIN, Some(&page_window), &status()));
    send(message(
        PSP_ORIGIN,
        Some(&frame_window),
        &json(r#"{"type":"psp.status"}"#),
    ));
    next_tick().await;
    assert_eq!(hints.get_untracked(), 0);
    send(message(PSP_ORIGIN, Some(&frame_window), &status()));
    next_tick().await;
    assert_eq!(hints.get_untracked(), 1);

    // Sized from the page's messages, within bounds.
    send(message(
        PSP_ORIGIN,
        Some(&frame_window),
        &json(r#"{"type":"psp.resize","height":512}"#),
    ));
    next_tick().await;
    assert_eq!(height(&frame), "512px");
    send(message(
        PSP_ORIGIN,
        Some(&page_window),
        &json(r#"{"type":"psp.resize","height":300}"#),
    ));
    send(message(
        PSP_ORIGIN,
        Some(&frame_window),
        &json(r#"{"type":"psp.resize","height":1000000}"#),
    ));
    next_tick().await;
    assert_eq!(height(&frame), format!("{MAX_HEIGHT}px"));

    // Unmounted: the listener is gone.
    drop(mounted);
    send(message(PSP_ORIGIN, Some(&frame_window), &status()));
    next_tick().await;
    assert_eq!(hints.get_untracked(), 1);
    root.remove();
}
