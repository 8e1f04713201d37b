//! Step 4 (and the order page's "pay again"): Apple Pay and Google Pay
//! where the browser offers them, the PSP's card form for an order, and the
//! server's word on it. A status message from the frame, or
//! every 3 s a safety net for a lost message, makes this ask the server
//! for the order; the server asks the PSP. The frame stays after a refusal:
//! the PSP page takes another card.

use crate::api::{self, ApiError};
use crate::components::order_status::format_time;
use crate::i18n::DeclineText;
use crate::payment::{CardFrame, LocalFuture, WalletButtons, WalletServer};
use crate::routes;
use crate::state::cart::use_cart;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shop_api::ErrorCode;
use shop_api::order::{Order, OrderStatus, PaymentDecline};
use shop_api::support::SupportTopic;
use shop_api::wallet::{MerchantSessionRequest, WalletPayment};
use std::rc::Rc;
use std::time::Duration;

const POLL_EVERY: Duration = Duration::from_secs(3);

pub fn decline_message(decline: Option<PaymentDecline>, d: &DeclineText) -> &'static str {
    match decline {
        Some(PaymentDecline::Declined) => d.declined,
        Some(PaymentDecline::InsufficientFunds) => d.insufficient_funds,
        Some(PaymentDecline::ExpiredCard) => d.expired_card,
        Some(PaymentDecline::AuthenticationFailed) => d.authentication_failed,
        Some(PaymentDecline::InvalidCard) => d.invalid_card,
        Some(PaymentDecline::Other) | None => d.other,
    }
}

/// The wallet buttons' two calls, for this order.
fn wallet_server(id: String) -> WalletServer {
    let session_id = id.clone();
    WalletServer {
        merchant_session: Rc::new(move |validation_url| {
            let id = session_id.clone();
            Box::pin(async move {
                let request = MerchantSessionRequest { validation_url };
                api::wallets::merchant_session(&id, &request)
                    .await
                    .ok()
                    .map(|session| session.session_json)
            }) as LocalFuture<_>
        }),
        pay: Rc::new(move |payment: WalletPayment| {
            let id = id.clone();
            Box::pin(async move {
                match api::wallets::pay(&id, &payment).await {
                    Ok(order) => Some(order),
                    // Too many cards refused: nothing was tried; the order
                    // says until when (and the panel shows it).
                    Err(ApiError::Refused {
                        code: ErrorCode::TooManyPaymentAttempts,
                        ..
                    }) => api::orders::get(&id).await.ok(),
                    Err(_) => None,
                }
            }) as LocalFuture<_>
        }),
    }
}

/// `order` must hold a payable order; `on_settled` runs once the server
/// says it no longer is (authorized, or cancelled elsewhere).
#[component]
pub fn PaymentPanel(order: RwSignal<Option<Order>>, on_settled: Callback<Order>) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    let asking = RwSignal::new(false);
    let renewing = RwSignal::new(false);
    let settled = RwSignal::new(false);
    let id = StoredValue::new(order.with_untracked(|o| o.as_ref().map(|o| o.id.clone())));

    let apply = move |fresh: Order| {
        let done = !fresh.status.payable() && !settled.get_untracked();
        order.try_set(Some(fresh.clone()));
        if done {
            settled.try_set(true);
            on_settled.run(fresh);
        }
    };
    // One question at a time; an answer that arrives after the shopper
    // left is dropped (`try_*`).
    let ask = move || {
        let Some(id) = id.get_value() else { return };
        if asking.get_untracked() || settled.get_untracked() {
            return;
        }
        asking.set(true);
        spawn_local(async move {
            let outcome = api::orders::get(&id).await;
            if asking.try_set(false).is_some() {
                return;
            }
            // A network failure is not a refusal: the next poll asks again.
            if let Ok(fresh) = outcome {
                apply(fresh);
            }
        });
    };
    if let Ok(poll) = set_interval_with_handle(ask, POLL_EVERY) {
        on_cleanup(move || poll.clear());
    }
    // Left before the server's word (another page, within a poll's wait
    // after paying): the cart is asked again, since the server empties it
    // once paid. Kept as it was, its next change would put the paid lines
    // back in the account's cart.
    let cart = use_cart();
    on_cleanup(move || {
        if settled.try_get_untracked() != Some(true) {
            cart.reload();
        }
    });
    let on_hint = Callback::new(move |()| ask());
    // A wallet's verdict: paid settles like a card; refused keeps the order
    // payable, with its decline and a fresh card page.
    let on_wallet = Callback::new(move |fresh: Order| apply(fresh));
    // The merchant details; without them (an old server, offline) only the
    // card is offered.
    let wallet_config = LocalResource::new(api::wallets::config);
    let total = order.with_untracked(|o| o.as_ref().map(|o| o.totals.total));

    // No page to frame: the PSP did not answer when the order was made.
    // Ask again for the order, then for a fresh payment session.
    let renew = move |_| {
        let Some(id) = id.get_value() else { return };
        if renewing.get_untracked() {
            return;
        }
        renewing.set(true);
        spawn_local(async move {
            let fresh = match api::orders::get(&id).await {
                Ok(fresh) if fresh.payment.hosted_page_url.is_some() || !fresh.status.payable() => {
                    Ok(fresh)
                }
                Ok(_) | Err(ApiError::Network(_)) => api::orders::renew_payment(&id).await,
                Err(error) => Err(error),
            };
            if renewing.try_set(false).is_some() {
                return;
            }
            if let Ok(fresh) = fresh {
                apply(fresh);
            }
        });
    };

    // Memoised so that each poll's answer does not reload the frame while
    // the shopper types.
    let url = Memo::new(move |_| {
        order.with(|o| o.as_ref().and_then(|o| o.payment.hosted_page_url.clone()))
    });
    // Card testing: too many cards refused on this order or account. No
    // card form nor wallet until then; the polls bring the form back.
    let retry_at = Memo::new(move |_| order.with(|o| o.as_ref().and_then(|o| o.payment.retry_at)));
    let decline = Signal::derive(move || {
        order.with(|o| {
            o.as_ref()
                .filter(|o| o.status == OrderStatus::PaymentFailed)
                .map(|o| o.payment.last_decline)
        })
    });

    view! {
        {move || {
            if retry_at.get().is_some() {
                return None;
            }
            let config = wallet_config.get()?.ok()?;
            let id = id.get_value()?;
            Some(view! {
                <WalletButtons config total=total? server=wallet_server(id) on_order=on_wallet />
            })
        }}
        {move || retry_at.get().is_none().then(|| view! {
            <p>{move || c().payment_intro}</p>
            <p class="debit">{move || c().debit_sentence}</p>
        })}
        // One live region: the refusal, or the wait that follows too many.
        <div role="alert" class="payment-decline-slot">
            {move || match retry_at.get() {
                Some(at) => view! {
                    <div class="payment-blocked">
                        <p class="form-error">{move || (c().payment_blocked)(&format_time(at, c()))}</p>
                        <p>
                            {move || c().payment_blocked_kept} " "
                            <A href=routes::help_contact(SupportTopic::Payment)>{move || c().payment_blocked_help}</A>
                        </p>
                    </div>
                }.into_any(),
                None => decline.get().map(|decline| view! {
                    <p class="form-error">{decline_message(decline, &c().declines)}</p>
                }).into_any(),
            }}
        </div>
        {move || match (retry_at.get(), url.get()) {
            (Some(_), _) => ().into_any(),
            (None, Some(url)) => view! { <CardFrame url on_hint /> }.into_any(),
            (None, None) => view! {
                <div class="form-error" role="alert">
                    <p>{c().payment_unavailable}</p>
                    <button type="button" class="button-secondary" on:click=renew disabled=move || renewing.get()>
                        {move || c().retry}
                    </button>
                </div>
            }.into_any(),
        }}
    }
}
