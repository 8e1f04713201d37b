//! `/commande`: the checkout, in steps on one page — identification (for
//! a guest: sign in or create an account right here), delivery (address
//! and option), summary with the choice of payment (the wallets the device
//! offers, or the card), then the PSP's card form. Entering it as a
//! signed-in shopper saves the cart's unsaved projects to the account
//! (`projects.rs`) while the shopper fills in the address. The order is
//! made once per attempt (an idempotency key kept in sessionStorage), and
//! a reload during payment (3-D Secure, say) comes back to the same
//! order's payment step instead of making another.

mod address;
mod attempt;
mod delivery;
mod projects;
mod review;

use crate::api::{self, ApiError};
use crate::components::page_heading::PageHeading;
use crate::dom::focus_by_id;
use crate::i18n::CheckoutText;
use crate::lazy_pages::{self, LazyPage, Loaded};
use crate::panels::identification::IdentificationForms;
use crate::routes;
use crate::state::cart::use_cart;
use crate::state::locale::use_strings;
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shop_api::order::{Address, DELIVERY_COUNTRIES, Order};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Identify,
    Delivery,
    Review,
    Payment,
}

impl Step {
    fn name(self, c: &CheckoutText) -> &'static str {
        match self {
            Step::Identify => c.step_identify,
            Step::Delivery => c.step_delivery,
            Step::Review => c.step_review,
            Step::Payment => c.step_payment,
        }
    }
}

/// The steps this visit goes through: identification only for a shopper
/// who arrived signed out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Steps {
    identify: bool,
}

impl Steps {
    fn all(self) -> Vec<Step> {
        let mut steps = vec![Step::Delivery, Step::Review, Step::Payment];
        if self.identify {
            steps.insert(0, Step::Identify);
        }
        steps
    }

    /// 1-based.
    fn number(self, step: Step) -> usize {
        self.all().iter().position(|s| *s == step).unwrap_or(0) + 1
    }
}

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    let status = use_session().status();
    // Mounted once the server said who this is; signing in within the
    // checkout then moves it on instead of building it again.
    let known = Memo::new(move |_| status.get() != SessionStatus::Checking);
    view! {
        <PageHeading title=Signal::derive(move || c().title.to_owned()) heading=Signal::derive(move || c().title.to_owned()) />
        {move || if known.get() {
            view! { <Checkout /> }.into_any()
        } else {
            view! { <p class="page-loading" role="status">{move || c().loading}</p> }.into_any()
        }}
    }
}

#[component]
fn Checkout() -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    let cart = use_cart();
    let navigate = use_navigate();
    let status = use_session().status();
    let signed_in = Memo::new(move |_| matches!(status.get(), SessionStatus::SignedIn(_)));
    let steps = RwSignal::new(Steps {
        identify: !signed_in.get_untracked(),
    });
    let step = RwSignal::new(if signed_in.get_untracked() {
        Step::Delivery
    } else {
        Step::Identify
    });
    let ready = RwSignal::new(false);
    let address = RwSignal::new(Address {
        country: DELIVERY_COUNTRIES[0].to_owned(),
        ..Address::default()
    });
    let address_failed = RwSignal::new(false);
    let order = RwSignal::new(None::<Order>);
    let save = projects::save_cart_projects();

    // Signed in here: the checkout goes on by itself. Signed out meanwhile
    // (the session ended): back to identification.
    Effect::new(move |_| {
        if signed_in.get() {
            if step.get_untracked() == Step::Identify {
                step.set(Step::Delivery);
            }
        } else {
            steps.set(Steps { identify: true });
            step.set(Step::Identify);
        }
    });

    // Once signed in: an order already made in this tab (a reload during
    // payment) is taken up again; otherwise the saved address fills the
    // form.
    Effect::new(move |loaded: Option<bool>| {
        if loaded == Some(true) || !signed_in.get() {
            return loaded.unwrap_or(false);
        }
        spawn_local(async move {
            if let Some(id) = attempt::order_in_progress() {
                match api::orders::get(&id).await {
                    Ok(found) if found.status.payable() => {
                        order.try_set(Some(found));
                        step.try_set(Step::Payment);
                        ready.try_set(true);
                        return;
                    }
                    // Paid or cancelled meanwhile, or not this shopper's:
                    // this attempt is over.
                    Ok(_)
                    | Err(ApiError::Refused {
                        status: 403 | 404, ..
                    }) => attempt::finish(),
                    // Unread for now (offline, a busy server): the attempt
                    // is kept, so the next "Payer" answers the same order
                    // instead of making a second one.
                    Err(_) => {}
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
        true
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
        <StepIndicator steps current=step />
        {move || (step.get() != Step::Identify).then(|| view! { <projects::SavingPanel save /> })}
        {move || if step.get() != Step::Identify && !ready.get() {
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
                        <span class="visually-hidden">
                            {move || { let s = steps.get(); (c().step_of)(s.number(current), s.all().len()) }} " "
                        </span>
                        {move || current.name(c())}
                    </h2>
                    {match current {
                        Step::Identify => view! {
                            <p class="lead">{move || c().identify_intro}</p>
                            <IdentificationForms />
                        }.into_any(),
                        Step::Delivery => view! {
                            <address::AddressStep address load_failed=address_failed on_done=go(Step::Review) />
                        }.into_any(),
                        Step::Review => view! {
                            <review::ReviewStep
                                address
                                idempotency_key=key
                                save=save.status
                                on_created
                                on_settled
                                on_change=go(Step::Delivery)
                            />
                        }.into_any(),
                        Step::Payment => view! { <LazyPage load=move || lazy_pages::payment_panel(order, on_settled) loaded=Loaded::Payment /> }.into_any(),
                    }}
                </section>
            }.into_any()
        }}
    }
}

/// Where the shopper is: the steps in order, the current one marked for
/// assistive technology with `aria-current="step"`.
#[component]
fn StepIndicator(steps: RwSignal<Steps>, current: RwSignal<Step>) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    view! {
        <ol class="checkout-steps" aria-label=move || c().steps_label>
            {move || steps.get().all().into_iter().map(|step| view! {
                <li
                    class=move || {
                        let now = current.get();
                        if now == step {
                            "is-current"
                        } else if steps.with(|s| s.number(now) > s.number(step)) {
                            "is-done"
                        } else {
                            ""
                        }
                    }
                    aria-current=move || (current.get() == step).then_some("step")
                >
                    <span class="checkout-steps__number" aria-hidden="true">{move || steps.get().number(step)}</span>
                    {move || step.name(c())}
                </li>
            }).collect_view()}
        </ol>
    }
}
