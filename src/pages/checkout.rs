//! `/commande`: the checkout, in four steps on one page — delivery address,
//! delivery option, summary with the payment method, then the PSP's card
//! form. The order is made once per attempt (an idempotency key kept in
//! sessionStorage), and a reload during payment (3-D Secure, say) comes
//! back to the same order's payment step instead of making another.

mod address;
mod attempt;
mod delivery;
mod payment;
mod review;

pub use payment::PaymentPanel;

use crate::api;
use crate::components::page_heading::PageHeading;
use crate::dom::focus_by_id;
use crate::i18n::CheckoutText;
use crate::pages::account::RETURN_PARAM;
use crate::routes;
use crate::state::cart::use_cart;
use crate::state::locale::use_strings;
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shop_api::order::{Address, DELIVERY_COUNTRIES, Order};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Address,
    Delivery,
    Review,
    Payment,
}

impl Step {
    const ALL: [Step; 4] = [Step::Address, Step::Delivery, Step::Review, Step::Payment];

    fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    fn name(self, c: &CheckoutText) -> &'static str {
        match self {
            Step::Address => c.step_address,
            Step::Delivery => c.step_delivery,
            Step::Review => c.step_review,
            Step::Payment => c.step_payment,
        }
    }
}

/// Guests are sent to sign in first: the order is made from the account's
/// cart, on the server.
#[component]
pub fn CheckoutPage() -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    let status = use_session().status();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if matches!(status.get(), SessionStatus::SignedOut { .. }) {
            let back = js_sys::encode_uri_component(routes::CHECKOUT);
            navigate(
                &format!("{}?{RETURN_PARAM}={back}", routes::ACCOUNT),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    view! {
        <PageHeading title=Signal::derive(move || c().title.to_owned()) heading=Signal::derive(move || c().title.to_owned()) />
        {move || match status.get() {
            SessionStatus::SignedIn(_) => view! { <Checkout /> }.into_any(),
            _ => view! { <p class="page-loading" role="status">{move || c().loading}</p> }.into_any(),
        }}
    }
}

#[component]
fn Checkout() -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    let cart = use_cart();
    let navigate = use_navigate();
    let step = RwSignal::new(Step::Address);
    let ready = RwSignal::new(false);
    let address = RwSignal::new(Address {
        country: DELIVERY_COUNTRIES[0].to_owned(),
        ..Address::default()
    });
    let address_failed = RwSignal::new(false);
    let order = RwSignal::new(None::<Order>);

    // An order already made in this tab (a reload during payment) is taken
    // up again; otherwise the saved address fills the form.
    spawn_local(async move {
        if let Some(id) = attempt::order_in_progress() {
            match api::orders::get(&id).await {
                Ok(found) if found.status.payable() => {
                    order.try_set(Some(found));
                    step.try_set(Step::Payment);
                    ready.try_set(true);
                    return;
                }
                // Paid or cancelled meanwhile: this attempt is over.
                Ok(_) | Err(_) => attempt::finish(),
            }
        }
        match api::address::load().await {
            Ok(Some(saved)) => {
                address.try_set(saved);
            }
            Ok(None) => {}
            Err(_) => {
                address_failed.try_set(true);
            }
        }
        ready.try_set(true);
    });

    // Keyboard and screen-reader users start each step at its heading.
    Effect::new(move |previous: Option<Step>| {
        let current = step.get();
        if previous.is_some_and(|previous| previous != current) {
            request_animation_frame(|| {
                focus_by_id(routes::STEP_HEADING_ID);
            });
        }
        current
    });

    let go = move |next: Step| Callback::new(move |()| step.set(next));
    let on_created = Callback::new(move |created: Order| {
        attempt::remember_order(&created.id);
        order.set(Some(created));
        step.set(Step::Payment);
    });
    let on_settled = Callback::new(move |settled: Order| {
        attempt::finish();
        // The server empties the cart once the payment is authorized.
        cart.reload();
        navigate(
            &format!("{}/{}", routes::ORDER, settled.id),
            Default::default(),
        );
    });
    let key = StoredValue::new(attempt::idempotency_key());
    // A memo: a cart change that keeps it non-empty (the delivery choice)
    // must not rebuild the step being filled in.
    let empty = Memo::new(move |_| cart.cart().with(|cart| cart.lines.is_empty()));

    view! {
        <StepIndicator current=step />
        {move || if !ready.get() {
            view! { <p class="page-loading" role="status">{move || c().loading}</p> }.into_any()
        } else if empty.get() && step.get() != Step::Payment {
            view! {
                <p class="empty-state">{move || c().empty_cart}</p>
                <p><A href=routes::CART>{move || c().back_to_cart}</A></p>
            }.into_any()
        } else {
            let current = step.get();
            view! {
                <section class="checkout-step" aria-labelledby=routes::STEP_HEADING_ID>
                    <h2 id=routes::STEP_HEADING_ID tabindex="-1">
                        <span class="visually-hidden">{move || (c().step_of)(current.number(), Step::ALL.len())} " "</span>
                        {move || current.name(c())}
                    </h2>
                    {match current {
                        Step::Address => view! {
                            <address::AddressStep address load_failed=address_failed on_done=go(Step::Delivery) />
                        }.into_any(),
                        Step::Delivery => view! {
                            <delivery::DeliveryStep on_done=go(Step::Review) on_back=go(Step::Address) />
                        }.into_any(),
                        Step::Review => view! {
                            <review::ReviewStep
                                address
                                idempotency_key=key
                                on_created
                                on_change_address=go(Step::Address)
                                on_change_delivery=go(Step::Delivery)
                            />
                        }.into_any(),
                        Step::Payment => view! { <PaymentPanel order on_settled /> }.into_any(),
                    }}
                </section>
            }.into_any()
        }}
    }
}

/// Where the shopper is: the steps in order, the current one marked for
/// assistive technology with `aria-current="step"`.
#[component]
fn StepIndicator(current: RwSignal<Step>) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    view! {
        <ol class="checkout-steps" aria-label=move || c().steps_label>
            {Step::ALL.into_iter().map(|step| view! {
                <li
                    class=move || {
                        let now = current.get();
                        if now == step {
                            "is-current"
                        } else if now.number() > step.number() {
                            "is-done"
                        } else {
                            ""
                        }
                    }
                    aria-current=move || (current.get() == step).then_some("step")
                >
                    <span class="checkout-steps__number" aria-hidden="true">{step.number()}</span>
                    {move || step.name(c())}
                </li>
            }).collect_view()}
        </ol>
    }
}
