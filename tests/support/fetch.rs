//! A double of the browser's `fetch`, which gloo-net calls as the global
//! `fetch`: each request is answered by the test's function of its method
//! and path, and recorded (method, path, body). Dropping the double puts
//! the real `fetch` back.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// What the double answers: a status, and a JSON body unless `None`.
pub struct Answer {
    pub status: u16,
    pub body: Option<String>,
}

impl Answer {
    pub fn json(status: u16, body: &str) -> Self {
        Self {
            status,
            body: Some(body.to_owned()),
        }
    }

    /// No body (204, 202).
    pub fn empty(status: u16) -> Self {
        Self { status, body: None }
    }

    /// The shop API's refusal, as `ApiErrorBody`.
    pub fn refusal(status: u16, code: &str, message: &str) -> Self {
        Self::json(
            status,
            &serde_json::json!({"error": {"code": code, "message": message}}).to_string(),
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub method: String,
    /// Path and query, without the origin (`/api/v1/session`).
    pub path: String,
    pub body: String,
}

type Answering = dyn Fn(&str, &str) -> Answer;

pub struct FetchDouble {
    original: JsValue,
    calls: Rc<RefCell<Vec<Call>>>,
    _double: Closure<dyn FnMut(web_sys::Request) -> js_sys::Promise>,
}

impl FetchDouble {
    /// `answer(method, path)`.
    pub fn install(answer: impl Fn(&str, &str) -> Answer + 'static) -> Self {
        let global = js_sys::global();
        let original = js_sys::Reflect::get(&global, &"fetch".into()).unwrap();
        let calls = Rc::new(RefCell::new(Vec::new()));
        let answer: Rc<Answering> = Rc::new(answer);
        let double = Closure::<dyn FnMut(web_sys::Request) -> js_sys::Promise>::new({
            let calls = calls.clone();
            move |request: web_sys::Request| {
                let (calls, answer) = (calls.clone(), answer.clone());
                wasm_bindgen_futures::future_to_promise(async move {
                    let method = request.method();
                    let origin = leptos::prelude::window().location().origin()?;
                    let url = request.url();
                    let path = url.strip_prefix(&origin).unwrap_or(&url).to_owned();
                    let body = match request.text() {
                        Ok(text) => JsFuture::from(text).await?.as_string().unwrap_or_default(),
                        Err(_) => String::new(),
                    };
                    let Answer { status, body: sent } = answer(&method, &path);
                    calls.borrow_mut().push(Call { method, path, body });
                    let init = web_sys::ResponseInit::new();
                    init.set_status(status);
                    let headers = web_sys::Headers::new()?;
                    headers.set("Content-Type", "application/json")?;
                    init.set_headers(&headers);
                    let response =
                        web_sys::Response::new_with_opt_str_and_init(sent.as_deref(), &init)?;
                    Ok(response.unchecked_into())
                })
            }
        });
        js_sys::Reflect::set(&global, &"fetch".into(), double.as_ref()).unwrap();
        Self {
            original,
            calls,
            _double: double,
        }
    }

    /// Every request so far, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.calls.borrow().clone()
    }

    /// The requests with this method to this path.
    pub fn calls_to(&self, method: &str, path: &str) -> Vec<Call> {
        self.calls()
            .into_iter()
            .filter(|call| call.method == method && call.path == path)
            .collect()
    }
}

impl Drop for FetchDouble {
    fn drop(&mut self) {
        let _ = js_sys::Reflect::set(&js_sys::global(), &"fetch".into(), &self.original);
    }
}
