//! Helpers shared by the browser tests: a fresh container in the page, a
//! way to let effects run, text extraction, and a double of `fetch`
//! (`fetch.rs`).

#![allow(dead_code)]

pub mod fetch;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A new, empty element appended to the test page's body.
pub fn container() -> HtmlElement {
    let document = leptos::prelude::document();
    let element = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    element.unchecked_into()
}

/// Lets pending effects and microtasks run (one macrotask turn).
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        leptos::prelude::window()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Whitespace-normalised text content.
pub fn text(element: &Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

pub fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// Waits (a macrotask at a time, at most about two seconds) until `ready`
/// says so; answers whether it did.
pub async fn eventually(mut ready: impl FnMut() -> bool) -> bool {
    for _ in 0..200 {
        if ready() {
            return true;
        }
        sleep(10).await;
    }
    ready()
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets the next animation frame run (focus moves there).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        leptos::prelude::window()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    next_tick().await;
}

/// One canned answer of the [`FetchDouble`]: to the first request with
/// this method and path; `once` answers are used up by it.
pub struct Answer {
    pub method: &'static str,
    pub path: &'static str,
    /// 0: the request fails as offline.
    pub status: u16,
    pub body: String,
    pub once: bool,
}

impl Answer {
    pub fn new(method: &'static str, path: &'static str, status: u16, body: &str) -> Self {
        Answer {
            method,
            path,
            status,
            body: body.to_owned(),
            once: false,
        }
    }

    pub fn once(self) -> Self {
        Answer { once: true, ..self }
    }
}

/// A request the storefront made, as the double saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub method: String,
    pub path: String,
    pub body: String,
}

/// The shop server's stand-in for the browser tests: the page's `fetch`
/// (which gloo-net calls) answers from a table and records every request;
/// a request the table does not know gets a JSON 404. Dropping it puts
/// the browser's own `fetch` back.
pub struct FetchDouble;

impl FetchDouble {
    pub fn install(answers: Vec<Answer>) -> FetchDouble {
        let table = js_sys::Array::new();
        for answer in answers {
            let entry = js_sys::Object::new();
            for (key, value) in [
                ("method", wasm_bindgen::JsValue::from(answer.method)),
                ("path", answer.path.into()),
                ("status", answer.status.into()),
                ("body", answer.body.into()),
                ("once", answer.once.into()),
            ] {
                js_sys::Reflect::set(&entry, &key.into(), &value).unwrap();
            }
            table.push(&entry);
        }
        js_sys::Function::new_with_args(
            "answers",
            "if (!window.__fetchDouble) window.__fetchDouble = { original: window.fetch };
             window.__fetchDouble.answers = answers;
             window.__fetchDouble.requests = [];
             window.fetch = async function (input, init) {
               const request = new Request(input, init);
               const path = new URL(request.url).pathname;
               const body = ['GET', 'HEAD'].includes(request.method) ? '' : await request.text();
               const double = window.__fetchDouble;
               double.requests.push({ method: request.method, path, body });
               const at = double.answers.findIndex((a) => a.method === request.method && a.path === path);
               if (at < 0) {
                 return new Response('{\"error\":{\"code\":\"not_found\",\"message\":\"not in the double\"}}',
                   { status: 404, headers: { 'Content-Type': 'application/json' } });
               }
               const answer = double.answers[at];
               if (answer.once) double.answers.splice(at, 1);
               if (answer.status === 0) throw new TypeError('Failed to fetch');
               const empty = [204, 205, 304].includes(answer.status);
               return new Response(empty ? null : answer.body,
                 { status: answer.status, headers: { 'Content-Type': 'application/json' } });
             };",
        )
        .call1(&wasm_bindgen::JsValue::NULL, &table)
        .unwrap();
        FetchDouble
    }

    /// Every request so far, in order.
    pub fn requests(&self) -> Vec<Sent> {
        let list = js_sys::eval("window.__fetchDouble.requests").unwrap();
        js_sys::Array::from(&list)
            .iter()
            .map(|request| {
                let field = |name: &str| {
                    js_sys::Reflect::get(&request, &name.into())
                        .ok()
                        .and_then(|value| value.as_string())
                        .unwrap_or_default()
                };
                Sent {
                    method: field("method"),
                    path: field("path"),
                    body: field("body"),
                }
            })
            .collect()
    }

    /// The requests as `METHOD /path`, in order.
    pub fn calls(&self) -> Vec<String> {
        self.requests()
            .into_iter()
            .map(|sent| format!("{} {}", sent.method, sent.path))
            .collect()
    }
}

impl Drop for FetchDouble {
    fn drop(&mut self) {
        let _ = js_sys::eval(
            "if (window.__fetchDouble) { window.fetch = window.__fetchDouble.original; delete window.__fetchDouble; }",
        );
    }
}

/// The test page's address, changed for a test (a link's page and its
/// fragment) and put back when dropped.
pub struct Address(String);

impl Address {
    pub fn set(url: &str) -> Address {
        let window = leptos::prelude::window();
        let location = window.location();
        let before = format!(
            "{}{}{}",
            location.pathname().unwrap(),
            location.search().unwrap(),
            location.hash().unwrap()
        );
        window
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
            .unwrap();
        Address(before)
    }
}

impl Drop for Address {
    fn drop(&mut self) {
        let _ = leptos::prelude::window()
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&self.0));
    }
}

/// Types into an input as a shopper does (`bind:value` listens to `input`).
pub fn type_into(input: &Element, value: &str) {
    let input: &web_sys::HtmlInputElement = input.unchecked_ref();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// Clicks an element as a shopper does.
pub fn click(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
}

/// `text` as [`text`] gives it: whitespace (no-break spaces included)
/// normalised, for comparing with the i18n tables' French.
pub fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
