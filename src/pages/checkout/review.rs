//! The summary: what will be ordered — lines, address, delivery and the
//! server's totals — and the choice of payment, made right here: the
//! wallets the device offers (Apple Pay, Google Pay) and the card. Either
//! makes the order once: "Payer par carte" is disabled while the request is
//! out and a guard drops clicks meanwhile; a wallet opens its sheet first
//! (Safari's rule) and makes the order while the shopper confirms; the
//! idempotency key makes every retry answer the same order anyway.

use super::attempt;
use super::projects::SaveStatus;
use crate::api::{self, ApiError};
use crate::components::cart_summary::describe;
use crate::components::cart_summary::{CartTotalsView, SummaryLine, SummaryLines};
use crate::dom::focus_by_id;
use crate::i18n::{CheckoutText, InLocale};
use crate::payment::{LocalFuture, WalletButtons, WalletServer};
use crate::routes;
use crate::state::cart::use_cart;
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shop_api::ErrorCode;
use shop_api::order::{Address, NewOrder, Order, OrderStatus, TERMS_VERSION};
use shop_api::wallet::MerchantSessionRequest;
use std::rc::Rc;

/// Why the order was not made, translated when shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CreateError {
    CartEmpty,
    InvalidAddress,
    UnknownDelivery,
    /// A project in the cart is not saved in the account as it is in the
    /// cart: its photos are needed to make it.
    ProjectNotReady,
    /// The CGV box was not ticked (or the CGV changed meanwhile).
    TermsNotAccepted,
    SignedOut,
    Network,
    Unexpected,
}

impl CreateError {
    fn from_api(error: &ApiError) -> Self {
        match error {
            ApiError::Network(_) => CreateError::Network,
            ApiError::Refused { code, status, .. } => match code {
                ErrorCode::CartEmpty => CreateError::CartEmpty,
                ErrorCode::InvalidAddress => CreateError::InvalidAddress,
                ErrorCode::UnknownDeliveryOption => CreateError::UnknownDelivery,
                ErrorCode::ProjectNotReady => CreateError::ProjectNotReady,
                ErrorCode::TermsNotAccepted => CreateError::TermsNotAccepted,
                ErrorCode::Unauthenticated => CreateError::SignedOut,
                _ if *status == 401 => CreateError::SignedOut,
                _ => CreateError::Unexpected,
            },
            ApiError::Unreadable { .. } => CreateError::Unexpected,
        }
    }

    /// A refusal about what was sent: the next try, with corrected data,
    /// is a new attempt with a new key. Anything else may have made the
    /// order, so the key is kept.
    fn ends_attempt(self) -> bool {
        matches!(
            self,
            CreateError::CartEmpty
                | CreateError::InvalidAddress
                | CreateError::UnknownDelivery
                | CreateError::ProjectNotReady
                | CreateError::TermsNotAccepted
        )
    }

    fn message(self, c: &CheckoutText) -> &'static str {
        match self {
            CreateError::CartEmpty => c.errors.cart_empty,
            CreateError::InvalidAddress => c.errors.invalid_address,
            CreateError::UnknownDelivery => c.errors.unknown_delivery,
            CreateError::ProjectNotReady => c.errors.project_not_ready,
            CreateError::TermsNotAccepted => c.errors.terms_not_accepted,
            CreateError::SignedOut => c.errors.signed_out,
            CreateError::Network => c.errors.network,
            CreateError::Unexpected => c.errors.unexpected,
        }
    }
}

/// Makes the order of this attempt (or answers the one it already made).
/// A refusal about what was sent ends the attempt: the next try gets a new
/// key.
async fn make_order(
    idempotency_key: StoredValue<String>,
    order: NewOrder,
) -> Result<Order, CreateError> {
    // The page is gone (a wallet's sheet outlives it): no attempt left.
    let key = idempotency_key
        .try_get_value()
        .ok_or(CreateError::Unexpected)?;
    match api::orders::create(&key, &order).await {
        Ok(created) => {
            attempt::remember_order(&created.id);
            Ok(created)
        }
        Err(refusal) => {
            let refusal = CreateError::from_api(&refusal);
            if refusal.ends_attempt() {
                attempt::finish();
                idempotency_key.try_set_value(attempt::idempotency_key());
            }
            Err(refusal)
        }
    }
}

#[component]
pub fn ReviewStep(
    address: RwSignal<Address>,
    idempotency_key: StoredValue<String>,
    /// The cart's projects being saved to the account: no order before.
    #[prop(into)]
    save: Signal<SaveStatus>,
    /// An order was made and waits for its payment.
    on_created: Callback<Order>,
    /// A wallet paid the order.
    on_settled: Callback<Order>,
    on_change: Callback<()>,
) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    let locale = use_locale();
    let cart = use_cart();
    let contents = cart.cart();
    let catalogue = LocalResource::new(crate::state::catalogue::catalogue);
    let totals = LocalResource::new(move || {
        let current = contents.get();
        async move {
            match current.contents() {
                Some(priced) => api::cart::totals(&priced).await.map_err(|_| ()),
                None => Err(()),
            }
        }
    });
    // While the order is being made, the address and delivery it is made
    // with cannot be changed ("Modifier" is disabled).
    let creating = RwSignal::new(false);
    let error = RwSignal::new(None::<CreateError>);

    let lines = Signal::derive(move || {
        let quotes = match totals.get() {
            Some(Ok(totals)) => totals.lines,
            _ => Vec::new(),
        };
        let catalogue = catalogue.get().and_then(Result::ok);
        contents.with(|cart| {
            cart.lines
                .iter()
                .enumerate()
                .map(|(index, line)| SummaryLine {
                    name: line.project_name.clone(),
                    description: catalogue
                        .as_ref()
                        .map(|catalogue| describe(catalogue, &line.choice, locale.get()))
                        .unwrap_or_default(),
                    copies: line.copies,
                    total: quotes.get(index).map(|quote| quote.total),
                })
                .collect::<Vec<_>>()
        })
    });
    let delivery = Signal::derive(move || {
        let id = contents.with(|cart| cart.delivery_option_id.clone())?;
        let catalogue = catalogue.get()?.ok()?;
        catalogue.delivery_options.into_iter().find(|o| o.id == id)
    });

    // The CGV: an unticked box the shopper ticks; the server refuses an
    // order without it.
    let accepted = RwSignal::new(false);
    let terms_missing = RwSignal::new(false);
    let may_pay = Callback::new(move |()| {
        let ok = accepted.get_untracked();
        terms_missing.set(!ok);
        if !ok {
            focus_by_id(routes::TERMS_BOX_ID);
        }
        ok
    });
    // Consent to keep the card at the PSP: unticked, and optional.
    let keep_card = RwSignal::new(false);
    // `None` without a delivery option, or once the page is gone (a
    // wallet's sheet can outlive it).
    let new_order = move || {
        let delivery_option_id =
            contents.try_with_untracked(|c| c.delivery_option_id.clone())??;
        Some(NewOrder {
            delivery_address: address.try_get_untracked()?,
            delivery_option_id,
            accepted_terms: accepted
                .try_get_untracked()?
                .then(|| TERMS_VERSION.to_owned()),
            keep_card: keep_card.try_get_untracked()?,
        })
    };
    // Memos: the wallet buttons are rebuilt only when these change, never
    // while a sheet is open because the cart's totals were asked again.
    let projects_ready = Memo::new(move |_| save.with(SaveStatus::ready));
    let wallet_total = Memo::new(move |_| {
        totals.with(|totals| {
            totals
                .as_ref()
                .and_then(|t| t.as_ref().ok())
                .map(|t| t.total)
        })
    });

    let pay = move |_| {
        // Set before anything else: the clicks that follow in the same
        // instant find it set and do nothing.
        if creating.get_untracked() || !projects_ready.get_untracked() || !may_pay.run(()) {
            return;
        }
        let Some(order) = new_order() else {
            error.set(Some(CreateError::UnknownDelivery));
            return;
        };
        creating.set(true);
        error.set(None);
        spawn_local(async move {
            match make_order(idempotency_key, order).await {
                // The step is left: `creating` stays set until then.
                Ok(created) => {
                    on_created.try_run(created);
                }
                Err(refusal) => {
                    error.try_set(Some(refusal));
                    creating.try_set(false);
                }
            }
        });
    };

    // The wallets make the order when the sheet asks for it (Apple Pay's
    // merchant validation, or the token), with this attempt's key: both
    // calls answer the same order.
    let made = StoredValue::new(None::<Order>);
    let make = move || -> LocalFuture<Option<Order>> {
        Box::pin(async move {
            let order = new_order()?;
            match make_order(idempotency_key, order).await {
                Ok(created) => {
                    made.try_set_value(Some(created.clone()));
                    Some(created)
                }
                Err(refusal) => {
                    error.try_set(Some(refusal));
                    None
                }
            }
        })
    };
    let wallet_server = move |shown_total: shop_api::Money| WalletServer {
        merchant_session: Rc::new(move |validation_url| {
            Box::pin(async move {
                let order = make().await?;
                let request = MerchantSessionRequest { validation_url };
                api::wallets::merchant_session(&order.id, &request)
                    .await
                    .ok()
                    .map(|session| session.session_json)
            }) as LocalFuture<_>
        }),
        pay: Rc::new(move |payment| {
            Box::pin(async move {
                let order = make().await?;
                // The sheet showed the cart's total: a different order
                // total (prices changed meanwhile) is not paid with it; the
                // payment step shows the order's own total.
                if order.totals.total != shown_total {
                    return Some(order);
                }
                let answer = api::wallets::pay(&order.id, &payment).await.ok()?;
                // Done here, not only when the page moves on: the page may
                // be gone by then (another tab emptied the cart).
                if answer.status == OrderStatus::Paid {
                    attempt::finish();
                    cart.reload();
                }
                Some(answer)
            }) as LocalFuture<_>
        }),
    };
    let on_wallet = Callback::new(move |order: Order| {
        if order.status == OrderStatus::Paid {
            on_settled.run(order);
        } else {
            on_created.run(order);
        }
    });
    let on_unconfirmed = Callback::new(move |()| {
        if let Some(order) = made.get_value() {
            on_created.run(order);
        }
    });
    let wallet_config = LocalResource::new(api::wallets::config);

    view! {
        <section class="review-block" aria-labelledby="recap-produits">
            <h3 id="recap-produits">{move || c().lines_heading}</h3>
            <SummaryLines lines label=Signal::derive(move || c().lines_heading) />
        </section>
        <section class="review-block" aria-labelledby="recap-adresse">
            <h3 id="recap-adresse">{move || c().address_heading}</h3>
            {move || address.with(|a| view! {
                <address class="postal-address">
                    {a.name.clone()} <br />
                    {a.street.clone()} <br />
                    {format!("{} {}", a.postcode, a.city)} <br />
                    {if a.country == "MC" { c().country_mc } else { c().country_fr }} <br />
                    {a.phone.clone()}
                </address>
            })}
            <button type="button" class="button-link" disabled=move || creating.get() on:click=move |_| on_change.run(())>
                {move || c().change}
                <span class="visually-hidden">" " {move || c().address_heading}</span>
            </button>
        </section>
        <section class="review-block" aria-labelledby="recap-livraison">
            <h3 id="recap-livraison">{move || c().delivery_heading}</h3>
            {move || delivery.get().map(|option| view! {
                <p>
                    {option.name.get(locale.get()).to_owned()} " · " {option.price.format_fr()} " · "
                    {(t.get().cart.delivery_days)(option.min_days, option.max_days)}
                </p>
            })}
            <button type="button" class="button-link" disabled=move || creating.get() on:click=move |_| on_change.run(())>
                {move || c().change}
                <span class="visually-hidden">" " {move || c().delivery_heading}</span>
            </button>
        </section>
        <section class="review-block cart-summary" aria-labelledby="recap-totaux">
            <h3 id="recap-totaux">{move || c().totals_heading}</h3>
            {move || match totals.get() {
                Some(Ok(totals)) => {
                    let delivery_name = delivery.get().map(|o| o.name.get(locale.get()).to_owned());
                    view! { <CartTotalsView totals delivery_name /> }.into_any()
                }
                Some(Err(())) => view! {
                    <div class="form-error" role="alert">
                        <p>{t.get().cart.totals_unavailable}</p>
                        <button type="button" class="button-secondary" on:click=move |_| totals.refetch()>
                            {move || c().retry}
                        </button>
                    </div>
                }.into_any(),
                None => view! { <p class="page-loading" role="status">{t.get().cart.totals_loading}</p> }.into_any(),
            }}
        </section>
        <section class="payment-choice" aria-labelledby="recap-paiement">
            <h3 id="recap-paiement">{move || c().payment_legend}</h3>
            {move || {
                if !projects_ready.get() {
                    return None;
                }
                let config = wallet_config.get()?.ok()?;
                let total = wallet_total.get()?;
                Some(view! {
                    <WalletButtons config total server=wallet_server(total) on_order=on_wallet on_unconfirmed may_pay />
                })
            }}
            <h4 class="payment-choice__card">{move || c().card_option}</h4>
            <ul class="brand-list" aria-label=move || c().card_brands_label>
                {move || c().card_brands.iter().map(|brand| view! { <li class="brand-badge">{*brand}</li> }).collect_view()}
            </ul>
            <p class="debit">{move || c().debit_sentence}</p>
            <div class="checkbox-field keep-card">
                <input
                    type="checkbox"
                    id=routes::KEEP_CARD_BOX_ID
                    aria-describedby="conserver-carte-aide"
                    prop:checked=move || keep_card.get()
                    on:change=move |event| keep_card.set(event_target_checked(&event))
                />
                <label for=routes::KEEP_CARD_BOX_ID>{move || c().keep_card_label}</label>
            </div>
            <p class="field-hint" id="conserver-carte-aide">{move || c().keep_card_hint}</p>
            {move || error.get().map(|error| view! { <p class="form-error" role="alert">{error.message(c())}</p> })}
        </section>
        <div class="terms-field">
            <div class="checkbox-field">
                <input
                    type="checkbox"
                    id=routes::TERMS_BOX_ID
                    aria-invalid=move || terms_missing.get().then_some("true")
                    aria-describedby=move || terms_missing.get().then_some("cgv-erreur")
                    prop:checked=move || accepted.get()
                    on:change=move |event| {
                        let ticked = event_target_checked(&event);
                        accepted.set(ticked);
                        if ticked {
                            terms_missing.set(false);
                        }
                    }
                />
                <label for=routes::TERMS_BOX_ID>{move || c().terms_label}</label>
            </div>
            <p class="field-hint">
                <a href=routes::TERMS target="_blank" rel="noopener">{move || c().terms_link}</a>
            </p>
            {move || terms_missing.get().then(|| view! { <p class="field-error" id="cgv-erreur" role="alert">{move || c().terms_required}</p> })}
        </div>
        <div class="checkout-pay">
            <div class="checkout-actions">
                <button type="button" class="button-primary" on:click=pay
                    disabled=move || creating.get() || !projects_ready.get()
                    aria-busy=move || creating.get().then_some("true")>
                    {move || if creating.get() {
                        c().creating
                    } else if matches!(save.get(), SaveStatus::Waiting | SaveStatus::Saving(_)) {
                        c().saving.waiting
                    } else {
                        c().pay_button
                    }}
                </button>
            </div>
        </div>
    }
}
