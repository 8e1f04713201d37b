//! The browser's Payment Request API, which web-sys does not bind:
//! `PaymentRequest` (make, `canMakePayment`, `show`, `abort`) and Apple
//! Pay's `merchantvalidation` event. The answer is web-sys's own
//! `PaymentResponse`. Every call returns a typed [`WalletError`] made from
//! the `DOMException`'s name, so that callers never read raw JS errors.

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::PaymentResponse;

#[wasm_bindgen]
extern "C" {
    /// `PaymentRequest` (an `EventTarget`: Apple Pay's `merchantvalidation`
    /// is dispatched on it).
    #[wasm_bindgen(extends = web_sys::EventTarget)]
    #[derive(Debug, Clone)]
    pub type PaymentRequest;

    /// Throws (`TypeError`, `SecurityError`) on bad method data or outside
    /// a secure context: caught.
    #[wasm_bindgen(catch, constructor, js_class = "PaymentRequest")]
    fn new_js(method_data: &Array, details: &JsValue) -> Result<PaymentRequest, JsValue>;

    #[wasm_bindgen(method, catch, js_name = canMakePayment)]
    fn can_make_payment_js(this: &PaymentRequest) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = show)]
    fn show_js(this: &PaymentRequest) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = abort)]
    fn abort_js(this: &PaymentRequest) -> Result<Promise, JsValue>;

    /// Apple Pay asks the merchant to prove who it is before the sheet
    /// accepts a payment.
    #[wasm_bindgen(extends = web_sys::Event)]
    #[derive(Debug, Clone)]
    pub type MerchantValidationEvent;

    #[wasm_bindgen(method, getter, js_name = validationURL)]
    pub fn validation_url(this: &MerchantValidationEvent) -> String;

    /// Takes the merchant session, or a promise of it.
    #[wasm_bindgen(method, catch, js_name = complete)]
    fn complete_js(this: &MerchantValidationEvent, session: &JsValue) -> Result<(), JsValue>;
}

/// The event Apple Pay's merchant validation arrives with.
pub const MERCHANT_VALIDATION: &str = "merchantvalidation";

/// What can go wrong with a wallet, from the `DOMException`'s name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WalletError {
    /// No Payment Request API, or not for this method (`NotSupportedError`).
    #[error("this browser cannot pay with this wallet")]
    Unsupported,
    /// The shopper closed the sheet (`AbortError`).
    #[error("the payment sheet was closed")]
    Cancelled,
    /// No user gesture, or a context that may not pay
    /// (`NotAllowedError`, `SecurityError`).
    #[error("the browser did not allow the payment sheet")]
    NotAllowed,
    /// A request already shown, or another sheet open
    /// (`InvalidStateError`).
    #[error("a payment sheet is already open or was used")]
    InvalidState,
    #[error("payment request failed: {0}")]
    Failed(String),
}

impl WalletError {
    /// Reads a thrown value or a rejection: a `DOMException` by its name,
    /// anything else (a `TypeError` about method data) as a failure.
    pub fn from_js(error: &JsValue) -> Self {
        if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
            return match exception.name().as_str() {
                "AbortError" => WalletError::Cancelled,
                "NotAllowedError" | "SecurityError" => WalletError::NotAllowed,
                "InvalidStateError" => WalletError::InvalidState,
                "NotSupportedError" => WalletError::Unsupported,
                name => WalletError::Failed(format!("{name}: {}", exception.message())),
            };
        }
        let text = error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.to_string()))
            .or_else(|| error.as_string())
            .unwrap_or_else(|| "unknown error".to_owned());
        WalletError::Failed(text)
    }
}

/// Whether this browser has the Payment Request API at all. Never throws.
pub fn supported() -> bool {
    web_sys::window()
        .and_then(|window| Reflect::has(&window, &JsValue::from_str("PaymentRequest")).ok())
        .unwrap_or(false)
}

/// Whether a wallet may be asked at all in this browser. Apple Pay exists
/// only in WebKit, which also has `ApplePaySession`; elsewhere Chromium
/// would try to download `https://apple.com/apple-pay`'s payment method
/// manifest (a request the shop's CSP blocks, for a wallet it cannot have).
/// Never throws.
pub fn offered(method: shop_api::wallet::WalletMethod) -> bool {
    let has = |name: &str| {
        web_sys::window()
            .and_then(|window| Reflect::has(&window, &JsValue::from_str(name)).ok())
            .unwrap_or(false)
    };
    supported()
        && match method {
            shop_api::wallet::WalletMethod::ApplePay => has("ApplePaySession"),
            shop_api::wallet::WalletMethod::GooglePay => true,
        }
}

impl PaymentRequest {
    /// `new PaymentRequest(methodData, details)`: `method_data` holds
    /// `{supportedMethods, data}` objects.
    pub fn build(method_data: &Array, details: &JsValue) -> Result<PaymentRequest, WalletError> {
        if !supported() {
            return Err(WalletError::Unsupported);
        }
        PaymentRequest::new_js(method_data, details).map_err(|e| WalletError::from_js(&e))
    }

    /// Whether the shopper can pay with one of the methods (a wallet set up
    /// in this browser).
    pub async fn can_make_payment(&self) -> Result<bool, WalletError> {
        let promise = self
            .can_make_payment_js()
            .map_err(|e| WalletError::from_js(&e))?;
        let answer = JsFuture::from(promise)
            .await
            .map_err(|e| WalletError::from_js(&e))?;
        Ok(answer.as_bool().unwrap_or(false))
    }

    /// Opens the sheet. Must run synchronously inside a click handler
    /// (Safari refuses it after any `await`): hence the promise, awaited by
    /// [`response`] after the call.
    pub fn show(&self) -> Result<Promise, WalletError> {
        self.show_js().map_err(|e| WalletError::from_js(&e))
    }

    /// Closes an open sheet; an error means there was none.
    pub fn abort(&self) -> Result<Promise, WalletError> {
        self.abort_js().map_err(|e| WalletError::from_js(&e))
    }
}

/// The shopper's answer to [`PaymentRequest::show`].
pub async fn response(shown: Promise) -> Result<PaymentResponse, WalletError> {
    let answer = JsFuture::from(shown)
        .await
        .map_err(|e| WalletError::from_js(&e))?;
    answer.dyn_into::<PaymentResponse>().or_else(|answer| {
        // A test double or an older engine answers a plain object with
        // the same members: accepted by shape, not by class.
        if Reflect::has(&answer, &JsValue::from_str("details")).unwrap_or(false) {
            Ok(answer.unchecked_into())
        } else {
            Err(WalletError::Failed("not a PaymentResponse".to_owned()))
        }
    })
}

impl MerchantValidationEvent {
    /// Hands the merchant session (or a promise of it) to the sheet.
    pub fn complete(&self, session: &JsValue) -> Result<(), WalletError> {
        self.complete_js(session)
            .map_err(|e| WalletError::from_js(&e))
    }
}
