//! Apple Pay and Google Pay buttons. Each is shown only where the browser
//! has `PaymentRequest` and `canMakePayment()` said yes for its method; the
//! request is built when the button mounts, before any click, because
//! `show()` must run synchronously in the click handler (Safari refuses it
//! after an `await`). The token then goes to the shop server, which has
//! the PSP authorize and capture at once; the sheet is told the server's
//! verdict.

use super::payment_request::{
    MERCHANT_VALIDATION, MerchantValidationEvent, PaymentRequest, WalletError, offered, response,
};
use super::wallets;
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shop_api::Money;
use shop_api::order::{Order, OrderStatus};
use shop_api::wallet::{WalletConfig, WalletMethod, WalletPayment};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{PaymentComplete, PaymentResponse};

pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// The two server calls a wallet payment makes. The page passes them in:
/// the payment boundary, like every component, never imports `api`.
#[derive(Clone)]
pub struct WalletServer {
    /// Apple Pay's merchant validation: the session's JSON text for a
    /// `validationURL`, `None` when the server refused or did not answer.
    pub merchant_session: Rc<dyn Fn(String) -> LocalFuture<Option<String>>>,
    /// The token: the order as the server left it (`paid`, or
    /// `payment_failed` with its decline), `None` without a readable answer.
    pub pay: Rc<dyn Fn(WalletPayment) -> LocalFuture<Option<Order>>>,
}

/// What the shopper is told next to the buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Notice {
    Processing,
    Cancelled,
    Failed,
    Unconfirmed,
}

/// A request built ahead of the click, with Apple Pay's merchant
/// validation listener, which must live as long as the request.
struct Prepared {
    request: PaymentRequest,
    _validation: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

fn prepare(
    method: WalletMethod,
    config: &WalletConfig,
    total: Money,
    server: &WalletServer,
) -> Result<Prepared, WalletError> {
    if !offered(method) {
        return Err(WalletError::Unsupported);
    }
    let request = wallets::request(method, config, total)?;
    let validation = (method == WalletMethod::ApplePay).then(|| {
        let server = server.clone();
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let event: MerchantValidationEvent = event.unchecked_into();
            let session = (server.merchant_session)(event.validation_url());
            // Handed over as a promise, synchronously in the handler: the
            // sheet waits for it.
            let promise = wasm_bindgen_futures::future_to_promise(async move {
                match session.await {
                    Some(json) => js_sys::JSON::parse(&json),
                    None => Err(JsValue::from_str("merchant validation refused")),
                }
            });
            // Throws only when the sheet is already gone: nothing to tell.
            let _ = event.complete(&promise);
        });
        let _ = request.add_event_listener_with_callback(
            MERCHANT_VALIDATION,
            listener.as_ref().unchecked_ref(),
        );
        listener
    });
    Ok(Prepared {
        request,
        _validation: validation,
    })
}

/// The wallet's token as the server wants it: Google Pay's
/// `paymentMethodData`, Apple Pay's `token`, as JSON text.
fn token_json(method: WalletMethod, answer: &PaymentResponse) -> Option<String> {
    let member = match method {
        WalletMethod::GooglePay => "paymentMethodData",
        WalletMethod::ApplePay => "token",
    };
    let token = js_sys::Reflect::get(&answer.details(), &JsValue::from_str(member)).ok()?;
    if !token.is_object() {
        return None;
    }
    js_sys::JSON::stringify(&token).ok()?.as_string()
}

/// Closes the sheet with the server's verdict; waits until it is closed.
async fn close(answer: &PaymentResponse, result: PaymentComplete) {
    // A rejection means the sheet is already closed.
    let _ = JsFuture::from(answer.complete_with_result(result)).await;
}

/// The wallet buttons for a payable order, above the card form. Nothing
/// shows until a wallet says it can pay. `on_order` gets the order after
/// each wallet payment: paid, or refused with its decline.
#[component]
pub fn WalletButtons(
    config: WalletConfig,
    /// The server's total for the order.
    total: Money,
    server: WalletServer,
    on_order: Callback<Order>,
    /// The server's verdict did not arrive: the order may be paid. The page
    /// then follows the order (the payment step polls it).
    #[prop(optional)]
    on_unconfirmed: Option<Callback<()>>,
    /// Asked synchronously at each click, before the sheet opens: `false`
    /// (the CGV not ticked yet, say) opens no sheet.
    #[prop(optional)]
    may_pay: Option<Callback<(), bool>>,
) -> impl IntoView {
    let t = use_strings();
    let w = move || &t.get().checkout.wallets;
    let apple = RwSignal::new(false);
    let google = RwSignal::new(false);
    // One sheet at a time across both buttons.
    let busy = RwSignal::new(false);
    let notice = RwSignal::new(None::<Notice>);
    let any = move || apple.get() || google.get();
    let button = |method: WalletMethod, available: RwSignal<bool>| {
        view! {
            <WalletButton
                method
                config=config.clone()
                total
                server=server.clone()
                on_order
                on_unconfirmed
                may_pay
                available
                busy
                notice
            />
        }
    };
    view! {
        <div class="wallets" role="group" aria-label=move || w().label hidden=move || !any()>
            <p class="debit">{move || w().debit_sentence}</p>
            <div class="wallet-buttons">
                {button(WalletMethod::ApplePay, apple)}
                {button(WalletMethod::GooglePay, google)}
            </div>
            <div role="status" class="wallet-notice">
                {move || (notice.get() == Some(Notice::Processing)).then(|| w().processing)}
            </div>
            <div role="alert" class="wallet-alert">
                {move || notice.get().and_then(|notice| match notice {
                    Notice::Processing => None,
                    Notice::Cancelled => Some(w().cancelled),
                    Notice::Failed => Some(w().failed),
                    Notice::Unconfirmed => Some(w().unconfirmed),
                }).map(|text| view! { <p class="form-error">{text}</p> })}
            </div>
            <p class="wallets-or">{move || w().or_card}</p>
        </div>
    }
}

#[component]
fn WalletButton(
    method: WalletMethod,
    config: WalletConfig,
    total: Money,
    server: WalletServer,
    on_order: Callback<Order>,
    on_unconfirmed: Option<Callback<()>>,
    may_pay: Option<Callback<(), bool>>,
    /// Set once `canMakePayment()` said yes.
    available: RwSignal<bool>,
    busy: RwSignal<bool>,
    notice: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let t = use_strings();
    let locale = use_locale();
    let prepared = StoredValue::new_local(None::<Prepared>);
    let server = StoredValue::new_local(server);
    let config = StoredValue::new_local(config);
    // A request can be shown once: after a cancelled or refused payment the
    // next click needs a fresh one (no `canMakePayment` again).
    // Gone with the buttons once the page moved on: nothing to rebuild.
    let rebuild = move || {
        let fresh = config.try_with_value(|config| {
            server.try_with_value(|server| prepare(method, config, total, server))
        });
        if let Some(Some(Ok(fresh))) = fresh {
            prepared.try_set_value(Some(fresh));
        }
    };

    if let Ok(first) = config
        .with_value(|config| server.with_value(|server| prepare(method, config, total, server)))
    {
        let request = first.request.clone();
        prepared.set_value(Some(first));
        spawn_local(async move {
            // An error (no such method, quota) counts as "not available".
            if request.can_make_payment().await == Ok(true) {
                available.try_set(true);
            }
        });
    }

    let pay = move |_| {
        if busy.get_untracked() || may_pay.is_some_and(|may_pay| !may_pay.run(())) {
            return;
        }
        let Some(current) = prepared.try_update_value(Option::take).flatten() else {
            return;
        };
        // First thing, before any await: Safari's rule.
        let shown = current.request.show();
        busy.set(true);
        notice.set(None);
        // The task owns what the sheet needs: the page may move on while
        // the sheet is open (its poll saw the order paid), and the sheet
        // must still be told the server's verdict.
        let server = server.get_value();
        spawn_local(async move {
            let paid = settle(method, shown, server, notice, on_order, on_unconfirmed).await;
            // The listener lives until the sheet is done.
            drop(current);
            if !paid {
                rebuild();
            }
            busy.try_set(false);
        });
    };

    let text = move || {
        let w = &t.get().checkout.wallets;
        match method {
            WalletMethod::ApplePay => w.apple_pay_button,
            WalletMethod::GooglePay => w.google_pay_button,
        }
    };
    let class = match method {
        WalletMethod::ApplePay => "wallet-button wallet-button--apple-pay",
        WalletMethod::GooglePay => "wallet-button wallet-button--google-pay",
    };
    view! {
        <button
            type="button"
            class=class
            lang=move || locale.get().code()
            hidden=move || !available.get()
            disabled=move || busy.get()
            on:click=pay
        >
            {text}
        </button>
    }
}

/// From the open sheet to the server's verdict; true once paid. The
/// buttons may be gone by then (`try_*`): the sheet is closed all the same.
async fn settle(
    method: WalletMethod,
    shown: Result<js_sys::Promise, WalletError>,
    server: WalletServer,
    notice: RwSignal<Option<Notice>>,
    on_order: Callback<Order>,
    on_unconfirmed: Option<Callback<()>>,
) -> bool {
    let answer = match shown {
        Ok(shown) => response(shown).await,
        Err(error) => Err(error),
    };
    let answer = match answer {
        Ok(answer) => answer,
        Err(WalletError::Cancelled) => {
            notice.try_set(Some(Notice::Cancelled));
            return false;
        }
        Err(_) => {
            notice.try_set(Some(Notice::Failed));
            return false;
        }
    };
    let Some(token_json) = token_json(method, &answer) else {
        close(&answer, PaymentComplete::Fail).await;
        notice.try_set(Some(Notice::Failed));
        return false;
    };
    notice.try_set(Some(Notice::Processing));
    match (server.pay)(WalletPayment { method, token_json }).await {
        Some(order) if order.status == OrderStatus::Paid => {
            close(&answer, PaymentComplete::Success).await;
            notice.try_set(None);
            on_order.try_run(order);
            true
        }
        // Refused: the page shows the decline, the card form stays.
        Some(order) => {
            close(&answer, PaymentComplete::Fail).await;
            notice.try_set(None);
            on_order.try_run(order);
            false
        }
        // It may have been paid: the page's poll will say.
        None => {
            close(&answer, PaymentComplete::Unknown).await;
            notice.try_set(Some(Notice::Unconfirmed));
            if let Some(on_unconfirmed) = on_unconfirmed {
                on_unconfirmed.try_run(());
            }
            false
        }
    }
}
