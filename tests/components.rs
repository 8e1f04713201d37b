//! Browser tests (headless Chromium) of the shell's components and pages.

use leptos::prelude::*;
use leptos_router::components::Router;
use storefront::components::header::Header;
use storefront::lazy_pages::{ChunkLoadError, LazyPage};
use storefront::pages::payment_methods::PaymentMethodsPage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod support;
use support::{all, container, next_tick, one, text};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn header_lists_the_shop_links_and_follows_the_cart_count() {
    let root = container();
    let count = RwSignal::new(0u32);
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><Header cart_count=count signed_in=Signal::stored(false) /></Router> }
    });
    let links: Vec<(String, String)> = all(&root, "nav a")
        .iter()
        .map(|a| (a.get_attribute("href").unwrap_or_default(), text(a)))
        .collect();
    let expected = [
        ("/suivi-de-commande", "Suivi de commande"),
        ("/aide", "Aide et service client"),
        ("/compte", "Compte"),
        ("/panier", "Panier 0"),
    ];
    assert_eq!(
        links,
        expected.map(|(href, label)| (href.to_owned(), label.to_owned()))
    );
    let cart = one(&root, ".cart-link");
    assert_eq!(
        cart.get_attribute("aria-label").as_deref(),
        Some("Panier, vide")
    );

    count.set(3);
    next_tick().await;
    assert_eq!(text(&cart), "Panier 3");
    assert_eq!(
        cart.get_attribute("aria-label").as_deref(),
        Some("Panier, 3 articles")
    );
    count.set(1);
    next_tick().await;
    assert_eq!(
        cart.get_attribute("aria-label").as_deref(),
        Some("Panier, 1 article")
    );
}

/// The static shell in index.html must match the live header, or the page
/// jumps when the app takes over.
#[wasm_bindgen_test]
async fn static_shell_header_matches_the_live_header() {
    let shell = container();
    let html = include_str!("../index.html");
    let start = html.find("<header").unwrap();
    let end = html.find("</header>").unwrap() + "</header>".len();
    shell.set_inner_html(&html[start..end]);

    let live = container();
    let _app = leptos::mount::mount_to(live.clone(), || {
        view! { <Router><Header cart_count=Signal::stored(0) signed_in=Signal::stored(false) /></Router> }
    });
    let describe = |root: &web_sys::HtmlElement| -> Vec<String> {
        all(root, "header, header *")
            .iter()
            .map(|element| {
                let attribute = |name: &str| element.get_attribute(name).unwrap_or_default();
                format!(
                    "{} class={} href={} label={} text={}",
                    element.tag_name(),
                    attribute("class"),
                    attribute("href"),
                    attribute("aria-label"),
                    if element.child_element_count() == 0 {
                        text(element)
                    } else {
                        String::new()
                    },
                )
            })
            .collect()
    };
    assert_eq!(describe(&shell), describe(&live));
}

#[wasm_bindgen_test]
async fn payment_methods_page_gives_american_express_a_four_digit_code() {
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), || {
        leptos_meta::provide_meta_context();
        view! { <Router><PaymentMethodsPage /></Router> }
    });
    let sections = all(&root, "section.payment-method");
    assert_eq!(sections.len(), 4);
    let amex = one(&root, "#amex");
    assert!(
        text(&amex).contains("code de sécurité à 4 chiffres"),
        "{}",
        text(&amex)
    );
    assert!(!text(&amex).contains("3 chiffres"));
    for id in ["#visa-cb", "#mastercard-maestro"] {
        assert!(text(&one(&root, id)).contains("code de sécurité à 3 chiffres"));
        assert!(text(&one(&root, id)).contains("à l’expédition de vos produits"));
    }
    assert!(text(&one(&root, "#wallets")).contains("pendant le traitement de la commande"));
    assert_eq!(all(&root, "h1").len(), 1);
}

/// The order's progress: dated steps in order, dates in French words, the
/// estimate until delivery, and the parcel's carrier page opened safely.
#[wasm_bindgen_test]
async fn the_order_timeline_dates_each_step_and_links_the_carrier() {
    use shop_api::calendar::Date;
    use shop_api::order::{Carrier, OrderStatus, Shipment, TimelineEvent, TimelineKind};
    use storefront::components::order_timeline::OrderTimeline;

    // 1 December 2026, 10:00 UTC; 8 December 2026, 23:30 UTC (9 December
    // in Paris).
    let ordered = 1_796_119_200;
    let shipped = 1_796_772_600;
    let status = RwSignal::new(OrderStatus::Shipped);
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <OrderTimeline
                status=status
                timeline=vec![
                    TimelineEvent { kind: TimelineKind::Ordered, at: ordered },
                    TimelineEvent { kind: TimelineKind::Shipped, at: shipped },
                ]
                shipment=Some(Shipment {
                    carrier: Carrier::Chronopost,
                    tracking_number: "XY123456789FR".into(),
                    tracking_url: Some("https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=XY123456789FR".into()),
                })
                estimated_delivery=Date::new(2026, 12, 10)
                heading_id="essai-etapes"
            />
        }
    });
    let steps: Vec<String> = all(&root, "ol.order-timeline li")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        steps,
        [
            "Commande passée 1 décembre 2026",
            "Expédiée 9 décembre 2026"
        ]
    );
    assert_eq!(
        one(&root, "ol.order-timeline time")
            .get_attribute("datetime")
            .as_deref(),
        Some("2026-12-01")
    );
    assert_eq!(
        text(&one(&root, ".order-estimate")),
        "Livraison estimée le 10 décembre 2026"
    );
    let link = one(&root, "a");
    assert_eq!(text(&link), "Suivre le colis sur le site Chronopost");
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(text(&one(&root, ".tracking-number")), "XY123456789FR");

    // Delivered: no estimate any more.
    status.set(OrderStatus::Delivered);
    next_tick().await;
    assert!(root.query_selector(".order-estimate").unwrap().is_none());
}

/// The order's money: the card's brand and last four, what is held and the
/// debit at shipment; once debited, when (in words) and any refund.
#[wasm_bindgen_test]
async fn the_order_payment_shows_the_card_the_hold_then_the_debit() {
    use shop_api::Money;
    use shop_api::order::{OrderPayment, PaymentMethod, PaymentState};
    use storefront::components::order_payment::OrderPaymentView;

    let payment = RwSignal::new(OrderPayment {
        method: PaymentMethod::Card,
        hosted_page_url: None,
        last_decline: None,
        debited: false,
        refunded: None,
        brand: Some("visa".into()),
        last4: Some("4242".into()),
        authorized: Some(Money::eur(4599)),
        debited_at: None,
        retry_at: None,
    });
    let state = RwSignal::new(PaymentState::Authorized);
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <OrderPaymentView
                payment=payment
                state=state
                total=Money::eur(4599)
                heading_id="essai-paiement"
            />
        }
    });
    assert_eq!(text(&one(&root, "h2")), "Paiement");
    assert_eq!(
        text(&one(&root, ".order-payment-method")),
        "Carte Visa •••• 4242"
    );
    assert_eq!(text(&one(&root, ".order-authorized")), "45,99 €");
    assert_eq!(
        text(&one(&root, ".order-debit")),
        "Débit prévu à l’expédition"
    );

    // Shipped on 3 December 2026 (12:00 UTC), then 5 € given back.
    payment.update(|p| {
        p.debited = true;
        p.authorized = None;
        p.debited_at = Some(1_796_299_200);
        p.refunded = Some(Money::eur(500));
    });
    state.set(PaymentState::PartiallyRefunded);
    next_tick().await;
    assert!(root.query_selector(".order-authorized").unwrap().is_none());
    assert_eq!(text(&one(&root, ".order-debited")), "45,99 €");
    assert_eq!(
        text(&one(&root, ".order-debit")),
        "Débitée le 3 décembre 2026"
    );
    assert_eq!(text(&one(&root, ".order-refund")), "5,00 €");
}

/// A page that reads the cart as it is built must not be rebuilt, losing
/// what the shopper typed, each time the cart changes.
#[wasm_bindgen_test]
async fn a_page_loaded_on_demand_is_built_once_whatever_it_reads() {
    let root = container();
    let cart = RwSignal::new(0u32);
    let builds = StoredValue::new(0u32);
    let load = move || async move {
        builds.update_value(|n| *n += 1);
        let count = cart.get();
        Ok::<_, ChunkLoadError>(view! { <p class="built">{count}</p> }.into_any())
    };
    let _app = leptos::mount::mount_to(root.clone(), move || view! { <LazyPage load /> });
    next_tick().await;
    assert_eq!(text(&one(&root, ".built")), "0");
    cart.set(1);
    next_tick().await;
    assert_eq!(builds.get_value(), 1);
}

#[wasm_bindgen_test]
async fn a_page_whose_code_did_not_arrive_offers_a_retry() {
    let root = container();
    let attempts = StoredValue::new(0u32);
    let load = move || async move {
        attempts.update_value(|n| *n += 1);
        if attempts.get_value() == 1 {
            Err(ChunkLoadError)
        } else {
            Ok(view! { <h1>"Panier"</h1> }.into_any())
        }
    };
    let _app = leptos::mount::mount_to(root.clone(), move || view! { <LazyPage load /> });
    next_tick().await;
    let alert = one(&root, "[role=alert]");
    assert!(text(&alert).contains("n’a pas pu être chargée"));
    one(&alert, "button")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    next_tick().await;
    next_tick().await;
    assert_eq!(text(&one(&root, "h1")), "Panier");
}

/// The static shell's opening of the page being opened stays on screen,
/// redrawn by the app, while the page's code is on its way; only the first
/// page gets it.
#[wasm_bindgen_test]
async fn the_first_page_loaded_on_demand_keeps_the_shell_s_opening_until_it_arrives() {
    let shell = container();
    shell.set_inner_html(
        "<main><h1>Panier</h1><p class=\"lead\">Vos produits.</p><p role=\"status\">Chargement…</p></main>",
    );
    storefront::lazy_pages::opening::keep_from(&shell);
    shell.remove();
    let arrived = RwSignal::new(false);
    let load = move || async move {
        // Arrives when the test says so.
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            Effect::new(move |_| {
                if arrived.get() {
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                }
            });
        });
        let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
        Ok::<_, ChunkLoadError>(view! { <h1>"Panier"</h1><p class="lead">"Vos produits."</p><p class="built">"page"</p> }.into_any())
    };
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || view! { <LazyPage load /> });
    next_tick().await;
    assert_eq!(text(&one(&root, "h1")), "Panier");
    assert_eq!(one(&root, "h1").id(), storefront::routes::HEADING_ID);
    assert_eq!(text(&one(&root, ".lead")), "Vos produits.");
    assert!(text(&one(&root, "[role=status]")).starts_with("Chargement"));
    arrived.set(true);
    next_tick().await;
    next_tick().await;
    assert_eq!(text(&one(&root, ".built")), "page");
    assert_eq!(all(&root, "h1").len(), 1);

    // A page opened later (after a navigation) starts without it.
    let other = container();
    let never = move || async move {
        std::future::pending::<()>().await;
        Ok::<_, ChunkLoadError>(().into_any())
    };
    let _other = leptos::mount::mount_to(other.clone(), move || view! { <LazyPage load=never /> });
    next_tick().await;
    assert!(all(&other, "h1").is_empty());
}

/// Changing one line's copies updates that line in place: the other lines'
/// elements stay as they are (a 100-line cart must not be rebuilt per click),
/// and the line keeps focus-able elements the shopper is using.
#[wasm_bindgen_test]
async fn changing_one_line_s_copies_leaves_the_other_lines_untouched() {
    use shop_api::cart::Cart;
    use storefront::pages::cart::CartPage;
    use storefront::state::{cart::provide_cart, locale::provide_locale, session::provide_session};

    let cart = Cart {
        lines: (1..=3).map(cart_line).collect(),
        delivery_option_id: None,
    };
    let storage = window().local_storage().unwrap().unwrap();
    storage
        .set_item(
            storefront::browser::storage::Key::GuestCart.name(),
            &serde_json::to_string(&cart).unwrap(),
        )
        .unwrap();

    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), || {
        leptos_meta::provide_meta_context();
        provide_locale();
        provide_session();
        provide_cart();
        view! { <Router><CartPage /></Router> }
    });
    // The session check fails here (no server): the shopper is a guest.
    for _ in 0..5 {
        next_tick().await;
    }
    let before = all(&root, "li.cart-line");
    assert_eq!(before.len(), 3);

    // Every change the page makes to the other lines' DOM is recorded.
    let touched = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let untouchable = [before[0].clone(), before[2].clone()];
    let on_mutations = {
        let touched = touched.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |records: js_sys::Array| {
                for record in records.iter() {
                    let record: web_sys::MutationRecord = record.unchecked_into();
                    let target = record.target().unwrap();
                    if untouchable.iter().any(|line| line.contains(Some(&target))) {
                        touched.set(touched.get() + 1);
                    }
                }
            },
        )
    };
    let observer = web_sys::MutationObserver::new(on_mutations.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_subtree(true);
    options.set_child_list(true);
    options.set_attributes(true);
    options.set_character_data(true);
    observer.observe_with_options(&root, &options).unwrap();

    let more = one(&before[1], "button[aria-label^='Un exemplaire de plus']");
    more.unchecked_ref::<web_sys::HtmlElement>().click();
    next_tick().await;
    for record in observer.take_records().iter() {
        let record: web_sys::MutationRecord = record.unchecked_into();
        let target = record.target().unwrap();
        if [&before[0], &before[2]]
            .iter()
            .any(|line| line.contains(Some(&target)))
        {
            touched.set(touched.get() + 1);
        }
    }
    observer.disconnect();
    assert_eq!(touched.get(), 0, "the other lines' DOM was written to");

    let after = all(&root, "li.cart-line");
    assert_eq!(after.len(), 3);
    assert!(
        after[0].is_same_node(Some(&before[0])),
        "line 1 was rebuilt"
    );
    assert!(
        after[2].is_same_node(Some(&before[2])),
        "line 3 was rebuilt"
    );
    let copies = one(&after[1], "input[type=number]");
    assert_eq!(
        copies.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        "2"
    );
    let more = one(&after[1], "button[aria-label^='Un exemplaire de plus']");
    more.unchecked_ref::<web_sys::HtmlElement>().click();
    next_tick().await;
    assert_eq!(
        one(&all(&root, "li.cart-line")[1], "input[type=number]")
            .unchecked_ref::<web_sys::HtmlInputElement>()
            .value(),
        "3",
        "the second click counts from the new number of copies"
    );
    let fewer = one(
        &all(&root, "li.cart-line")[1],
        "button[aria-label^='Un exemplaire de moins']",
    );
    assert!(
        !fewer
            .unchecked_ref::<web_sys::HtmlButtonElement>()
            .disabled()
    );

    // Removing a line takes out that line only.
    one(
        &all(&root, "li.cart-line")[1],
        "button[aria-label^='Retirer']",
    )
    .unchecked_ref::<web_sys::HtmlElement>()
    .click();
    next_tick().await;
    let left = all(&root, "li.cart-line");
    assert_eq!(left.len(), 2);
    assert!(left[0].is_same_node(Some(&before[0])));
    assert!(left[1].is_same_node(Some(&before[2])));
    storage
        .remove_item(storefront::browser::storage::Key::GuestCart.name())
        .unwrap();
}

/// The cart takes at most the lines the server prices: the next new
/// project is refused (the editor says why), a project already in it is
/// still refreshed.
#[wasm_bindgen_test]
async fn a_full_cart_refuses_a_new_project_and_keeps_its_lines() {
    use shop_api::cart::MAX_CART_LINES;
    use storefront::browser::storage::Key;
    use storefront::state::cart::{CartFull, provide_cart, use_cart};
    use storefront::state::{locale::provide_locale, session::provide_session};

    let storage = window().local_storage().unwrap().unwrap();
    storage.remove_item(Key::GuestCart.name()).unwrap();
    let owner = Owner::new();
    owner.set();
    provide_locale();
    provide_session();
    provide_cart();
    // The session check fails here (no server): the shopper is a guest.
    for _ in 0..5 {
        next_tick().await;
    }
    let cart = use_cart();
    for n in 0..MAX_CART_LINES {
        assert_eq!(cart.add(cart_line(n)), Ok(()));
    }
    assert_eq!(cart.add(cart_line(MAX_CART_LINES)), Err(CartFull));
    let mut renamed = cart_line(3);
    renamed.project_name = "Vacances".into();
    assert_eq!(cart.add(renamed), Ok(()));
    let kept = cart.cart().get_untracked();
    assert_eq!(kept.lines.len(), MAX_CART_LINES);
    assert_eq!(kept.lines[3].project_name, "Vacances");
    storage.remove_item(Key::GuestCart.name()).unwrap();
}

/// A guest's line for project `n`: one 10×15 print, one copy.
fn cart_line(n: usize) -> shop_api::cart::CartLine {
    shop_api::cart::CartLine {
        project_id: format!("projet-{n}"),
        project_name: format!("Projet {n}"),
        choice: shop_api::catalogue::ProductChoice {
            product_id: "tirage-photo".into(),
            format_id: "10x15".into(),
            quantity: 1,
            pages: None,
            cover_id: None,
        },
        copies: 1,
    }
}

/// The sign-in form, and only it, leads to asking for a reset link.
#[wasm_bindgen_test]
async fn the_sign_in_form_links_to_the_forgotten_password_page() {
    use storefront::components::credentials_form::{CredentialsForm, FormKind};
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        let form = move |kind| {
            view! {
                <CredentialsForm
                    kind=kind
                    pending=Signal::stored(false)
                    server_errors=Signal::stored(Default::default())
                    on_submit=Callback::new(|_| {})
                />
            }
        };
        view! { <Router>{form(FormKind::SignIn)}{form(FormKind::CreateAccount)}</Router> }
    });
    let sign_in = one(&root, "form[aria-labelledby=connexion-titre]");
    let links = all(&sign_in, "a");
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some(storefront::routes::FORGOT_PASSWORD)
    );
    assert_eq!(
        links[0].text_content().unwrap(),
        "Mot de passe oublié\u{a0}?"
    );
    // After the password, before the button: in the order a shopper
    // looks for it.
    let order: Vec<String> = all(&sign_in, "input, a, button[type=submit]")
        .iter()
        .map(|element| element.tag_name())
        .collect();
    assert_eq!(order, ["INPUT", "INPUT", "A", "BUTTON"]);
    let create = one(&root, "form[aria-labelledby=creation-titre]");
    assert!(all(&create, "a").is_empty());
}
