//! Step 3: what will be ordered — lines, address, delivery and the
//! server's totals — and the payment method. "Payer par carte" makes the
//! order once: the button is disabled while the request is out, a guard
//! drops clicks meanwhile, and the idempotency key makes a retry answer
//! the same order anyway.

use super::attempt;
use crate::api::{self, ApiError};
use crate::components::cart_summary::{CartTotalsView, SummaryLine, SummaryLines};
use crate::i18n::{CheckoutText, Locale};
use crate::pages::cart::describe;
use crate::state::cart::use_cart;
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shop_api::ErrorCode;
use shop_api::order::{Address, NewOrder, Order};

/// Why the order was not made, translated when shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CreateError {
    CartEmpty,
    InvalidAddress,
    UnknownDelivery,
    /// A project in the cart is not saved in the account as it is in the
    /// cart: its photos are needed to make it.
    ProjectNotReady,
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
        )
    }

    fn message(self, c: &CheckoutText) -> &'static str {
        match self {
            CreateError::CartEmpty => c.errors.cart_empty,
            CreateError::InvalidAddress => c.errors.invalid_address,
            CreateError::UnknownDelivery => c.errors.unknown_delivery,
            CreateError::ProjectNotReady => c.errors.project_not_ready,
            CreateError::SignedOut => c.errors.signed_out,
            CreateError::Network => c.errors.network,
            CreateError::Unexpected => c.errors.unexpected,
        }
    }
}

#[component]
pub fn ReviewStep(
    address: RwSignal<Address>,
    idempotency_key: StoredValue<String>,
    on_created: Callback<Order>,
    on_change_address: Callback<()>,
    on_change_delivery: Callback<()>,
) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    let locale = use_locale();
    let cart = use_cart();
    let contents = cart.cart();
    let catalogue = LocalResource::new(api::catalogue::catalogue);
    let totals = LocalResource::new(move || {
        let current = contents.get();
        async move {
            match current.contents() {
                Some(priced) => api::cart::totals(&priced).await.map_err(|_| ()),
                None => Err(()),
            }
        }
    });
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
    let localized = move |name: &shop_api::catalogue::Localized| match locale.get() {
        Locale::Fr => name.fr.clone(),
        Locale::En => name.en.clone(),
    };

    let pay = move |_| {
        // Set before anything else: the clicks that follow in the same
        // instant find it set and do nothing.
        if creating.get_untracked() {
            return;
        }
        let Some(delivery_option_id) = contents.with_untracked(|c| c.delivery_option_id.clone())
        else {
            error.set(Some(CreateError::UnknownDelivery));
            return;
        };
        creating.set(true);
        error.set(None);
        let order = NewOrder {
            delivery_address: address.get_untracked(),
            delivery_option_id,
        };
        let key = idempotency_key.get_value();
        spawn_local(async move {
            match api::orders::create(&key, &order).await {
                // The step is left: `creating` stays set until then.
                Ok(created) => on_created.run(created),
                Err(refusal) => {
                    let refusal = CreateError::from_api(&refusal);
                    if refusal.ends_attempt() {
                        attempt::finish();
                        idempotency_key.try_set_value(attempt::idempotency_key());
                    }
                    error.try_set(Some(refusal));
                    creating.try_set(false);
                }
            }
        });
    };

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
            <button type="button" class="button-link" on:click=move |_| on_change_address.run(())>
                {move || c().change}
                <span class="visually-hidden">" " {move || c().address_heading}</span>
            </button>
        </section>
        <section class="review-block" aria-labelledby="recap-livraison">
            <h3 id="recap-livraison">{move || c().delivery_heading}</h3>
            {move || delivery.get().map(|option| view! {
                <p>
                    {localized(&option.name)} " · " {option.price.format_fr()} " · "
                    {(t.get().cart.delivery_days)(option.min_days, option.max_days)}
                </p>
            })}
            <button type="button" class="button-link" on:click=move |_| on_change_delivery.run(())>
                {move || c().change}
                <span class="visually-hidden">" " {move || c().delivery_heading}</span>
            </button>
        </section>
        <section class="review-block cart-summary" aria-labelledby="recap-totaux">
            <h3 id="recap-totaux">{move || c().totals_heading}</h3>
            {move || match totals.get() {
                Some(Ok(totals)) => {
                    let delivery_name = delivery.get().map(|o| localized(&o.name));
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
        <fieldset class="payment-choice">
            <legend>{move || c().payment_legend}</legend>
            <div class="radio-field">
                <input type="radio" name="moyen-de-paiement" id="paiement-carte" value="carte" checked />
                <label for="paiement-carte">{move || c().card_option}</label>
            </div>
            <ul class="brand-list" aria-label=move || c().card_brands_label>
                {move || c().card_brands.iter().map(|brand| view! { <li class="brand-badge">{*brand}</li> }).collect_view()}
            </ul>
            <p class="debit">{move || c().debit_sentence}</p>
        </fieldset>
        {move || error.get().map(|error| view! { <p class="form-error" role="alert">{error.message(c())}</p> })}
        <div class="checkout-actions">
            <button type="button" class="button-primary" on:click=pay
                disabled=move || creating.get()
                aria-busy=move || creating.get().then_some("true")>
                {move || if creating.get() { c().creating } else { c().pay_button }}
            </button>
        </div>
    }
}
