//! Browser tests (headless Chromium) of the help centre, the contact
//! form's checks, the legal texts and the footer: both languages share the
//! same answers and sections (the files of `content/` read as the app reads
//! them), French text follows French typography, links go to the shop's
//! pages, the search filters with a live count, the static shell's footer
//! is the live one.

use leptos::prelude::*;
use leptos_router::components::Router;
use std::sync::Arc;
use storefront::components::footer::Footer;
use storefront::i18n::{
    HelpContent, LegalBlock, LegalContent, LegalPageContent, LegalText, Locale, Strings,
};
use storefront::pages::help::HelpPage;
use storefront::pages::help::contact::{self, ContactError, ContactErrorsFound};
use storefront::pages::help::search;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod support;
use support::{all, container, next_tick, one, text};

wasm_bindgen_test_configure!(run_in_browser);

/// The answers of `content/`, read as the app reads them.
fn help_content(locale: Locale) -> HelpContent {
    let file = match locale {
        Locale::Fr => include_str!("../content/fr/help.json"),
        Locale::En => include_str!("../content/en/help.json"),
    };
    serde_json::from_str(file).unwrap()
}

fn legal_content(locale: Locale) -> LegalContent {
    let file = match locale {
        Locale::Fr => include_str!("../content/fr/legal.json"),
        Locale::En => include_str!("../content/en/legal.json"),
    };
    serde_json::from_str(file).unwrap()
}

/// The five pages' texts, in `LegalTexts`' order.
fn legal_pages(content: &LegalContent) -> [&LegalPageContent; 5] {
    [
        &content.notice,
        &content.terms,
        &content.privacy,
        &content.cookies,
        &content.accessibility,
    ]
}

fn legal_texts(strings: &'static Strings) -> [&'static LegalText; 5] {
    let legal = &strings.legal;
    [
        &legal.notice,
        &legal.terms,
        &legal.privacy,
        &legal.cookies,
        &legal.accessibility,
    ]
}

fn help_shape(help: &HelpContent) -> Vec<(String, Vec<String>)> {
    help.topics
        .iter()
        .map(|t| {
            let answers = t.answers.iter().map(|a| a.slug.clone()).collect();
            (t.slug.clone(), answers)
        })
        .collect()
}

#[wasm_bindgen_test]
fn both_languages_have_the_same_answers_and_legal_sections() {
    let (fr, en) = (help_content(Locale::Fr), help_content(Locale::En));
    assert_eq!(help_shape(&fr), help_shape(&en));
    assert_eq!(fr.topics.len(), 6);
    let (fr_legal, en_legal) = (legal_content(Locale::Fr), legal_content(Locale::En));
    for (fr_text, en_text) in legal_pages(&fr_legal)
        .into_iter()
        .zip(legal_pages(&en_legal))
    {
        let ids = |text: &LegalPageContent| {
            text.sections
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(fr_text), ids(en_text), "{}", fr_text.intro);
        assert!(!fr_text.sections.is_empty());
    }
    for help in [fr, en] {
        for topic in help.topics {
            for answer in topic.answers {
                assert!(!answer.paragraphs.is_empty(), "{}", answer.slug);
            }
        }
    }
}

/// The links of the answers lead to pages of the shop, the same in both
/// languages (the files are edited by hand).
#[wasm_bindgen_test]
fn the_answers_link_to_the_shops_pages() {
    use storefront::routes;
    let pages = [
        routes::ORDERS,
        routes::ACCOUNT,
        routes::PAYMENT_METHODS,
        routes::HELP_CONTACT,
        routes::TERMS,
        routes::PRIVACY,
        routes::CART,
        routes::HELP,
    ];
    let links = |help: HelpContent| {
        help.topics
            .into_iter()
            .flat_map(|topic| topic.answers)
            .map(|answer| answer.link.map(|link| link.href))
            .collect::<Vec<_>>()
    };
    let fr = links(help_content(Locale::Fr));
    assert!(fr.iter().flatten().count() >= 10);
    for href in fr.iter().flatten() {
        assert!(pages.contains(&href.as_str()), "{href}");
    }
    assert_eq!(fr, links(help_content(Locale::En)));
}

/// Every French string of the help centre, the contact form and the legal
/// pages, including what the functions make.
fn french_strings() -> Vec<String> {
    let fr = Locale::Fr.strings();
    let help = &fr.help;
    let contact = &fr.contact;
    let mut all: Vec<String> = [
        help.title,
        help.intro,
        help.search_label,
        help.search_hint,
        help.no_result,
        help.no_result_contact,
        help.topics_label,
        help.contact_heading,
        help.contact_intro,
        help.contact_link,
        help.breadcrumb_label,
        help.related_heading,
        help.still_need_help,
        help.answer_not_found,
        help.back_to_help,
        contact.title,
        contact.intro,
        contact.topic_label,
        contact.order_label,
        contact.order_hint,
        contact.message_label,
        contact.email_label,
        contact.email_hint,
        contact.send_button,
        contact.sending,
        contact.sent_heading,
        contact.reference_label,
        contact.keep_reference,
        contact.another_request,
        contact.back_to_help,
        contact.errors.message_required,
        contact.errors.email_required,
        contact.errors.email_invalid,
        contact.errors.network,
        contact.errors.unexpected,
        fr.legal.contents_label,
    ]
    .map(str::to_owned)
    .to_vec();
    all.extend(contact.topics.map(str::to_owned));
    all.extend([0, 1, 5].map(help.result_count));
    all.extend([
        (contact.message_hint)(3000),
        (contact.sent_body)("a@b.fr"),
        (contact.errors.message_too_long)(3000),
        (contact.errors.order_too_long)(64),
        (contact.errors.too_many)(30),
        (contact.errors.too_many)(3000),
        (fr.legal.terms_version)("2026-12-01"),
    ]);
    for topic in help_content(Locale::Fr).topics {
        all.push(topic.title);
        for answer in topic.answers {
            all.push(answer.question);
            all.extend(answer.paragraphs);
            all.extend(answer.link.map(|l| l.label));
        }
    }
    for legal in legal_texts(fr) {
        all.extend([legal.link, legal.title].map(str::to_owned));
    }
    let legal = legal_content(Locale::Fr);
    for page in legal_pages(&legal) {
        all.push(page.intro.clone());
        for section in &page.sections {
            all.push(section.heading.clone());
            for block in &section.blocks {
                match block {
                    LegalBlock::Paragraph(p) => all.push(p.clone()),
                    LegalBlock::List(items) => all.extend(items.iter().cloned()),
                }
            }
        }
    }
    all
}

#[wasm_bindgen_test]
fn french_text_uses_french_typography() {
    let strings = french_strings();
    assert!(strings.len() > 150);
    for s in &strings {
        assert!(!s.contains('\''), "straight apostrophe in {s:?}");
        for mark in [" :", " ;", " !", " ?", "« ", " »", " €", " %"] {
            assert!(!s.contains(mark), "breaking space in {mark:?} of {s:?}");
        }
        // The one convention: U+00A0, never the narrow no-break space.
        assert!(!s.contains('\u{202f}'), "{s:?}");
    }
    let accessibility = &Locale::Fr.strings().legal.accessibility;
    assert_eq!(
        accessibility.link,
        "Accessibilité\u{a0}: partiellement conforme"
    );
}

#[wasm_bindgen_test]
fn the_legal_texts_state_what_the_law_and_the_seed_require() {
    let fr = legal_content(Locale::Fr);
    let en = legal_content(Locale::En);
    let all = |text: &LegalPageContent| {
        let mut joined = String::new();
        for section in &text.sections {
            for block in &section.blocks {
                match block {
                    LegalBlock::Paragraph(p) => joined.push_str(p),
                    LegalBlock::List(items) => items.iter().for_each(|i| joined.push_str(i)),
                }
                joined.push(' ');
            }
        }
        joined
    };
    let terms = all(&fr.terms);
    for needle in [
        "L221-28 3°",
        "L217-3",
        "1641",
        "toutes taxes comprises",
        "n’est débité qu’à l’expédition",
        "débité pendant le traitement de la commande",
        "médiateur de la consommation",
        "(exemple)",
    ] {
        assert!(terms.contains(needle), "CGV lack {needle:?}");
    }
    let privacy = all(&fr.privacy);
    assert!(privacy.contains("CNIL"));
    let cookies = all(&fr.cookies);
    // The cookie policy names everything the shop keeps in the browser.
    let stored = storefront::browser::storage::Key::ALL.map(|key| key.name());
    let cookies_en = all(&en.cookies);
    for key in ["sp_session", storefront::state::projects::DB_NAME]
        .into_iter()
        .chain(stored)
    {
        assert!(cookies.contains(key), "{key}");
        assert!(cookies_en.contains(key), "{key} (English)");
    }
    assert!(all(&fr.accessibility).contains("Défenseur des droits"));
    assert!(all(&fr.accessibility).contains("partiellement conforme"));
    assert_eq!(shop_api::CGV_VERSION, "2026-12-01");
}

#[wasm_bindgen_test]
fn the_search_ignores_accents_and_case() {
    assert_eq!(
        search::fold("Débité ? À L’ÉTRANGER"),
        "debite ? a l'etranger"
    );
    let help = help_content(Locale::Fr);
    let found = |query: &str| {
        let words = search::words(query);
        help.topics
            .iter()
            .flat_map(|topic| {
                topic
                    .answers
                    .iter()
                    .filter(|answer| search::matches(topic, answer, &words))
                    .map(|answer| answer.slug.clone())
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    assert!(found("QUAND DEBITE").contains(&"quand-suis-je-debite".to_owned()));
    assert_eq!(found("livrez etranger"), ["etranger"]);
    assert!(found("xyzzy").is_empty());
    let total: usize = help.topics.iter().map(|t| t.answers.len()).sum();
    assert_eq!(search::count(&help.topics, &search::words("  ")), total);
}

#[wasm_bindgen_test]
fn the_contact_form_checks_each_field_like_the_server() {
    assert_eq!(
        contact::check("", "Bonjour", "a@b.fr"),
        ContactErrorsFound::default()
    );
    let found = contact::check(&"7".repeat(65), "  ", "a@b");
    assert_eq!(found.order, Some(ContactError::OrderTooLong));
    assert_eq!(found.message, Some(ContactError::MessageRequired));
    assert_eq!(found.email, Some(ContactError::EmailInvalid));
    assert_eq!(found.first_field(), Some(contact::ORDER_ID));
    let long = contact::check(
        "",
        &"é".repeat(shop_api::support::MESSAGE_MAX_CHARS + 1),
        "",
    );
    assert_eq!(long.message, Some(ContactError::MessageTooLong));
    assert_eq!(long.email, Some(ContactError::EmailRequired));
}

#[wasm_bindgen_test]
async fn typing_in_the_search_hides_other_answers_and_announces_the_count() {
    // The answers as if fetched (the end-to-end tests fetch the real file).
    storefront::state::content::keep_help(Locale::Fr, Arc::new(help_content(Locale::Fr)));
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), || {
        leptos_meta::provide_meta_context();
        view! { <Router><HelpPage /></Router> }
    });
    next_tick().await;
    let visible = |root: &web_sys::HtmlElement| {
        all(root, ".help-answers li")
            .into_iter()
            .filter(|li| !li.has_attribute("hidden"))
            .count()
    };
    let total = visible(&root);
    assert!(total > 20, "{total}");
    let status = one(&root, "[role=status]");
    assert_eq!(text(&status), format!("{total} réponses correspondent."));

    let input: web_sys::HtmlInputElement = one(&root, "input[type=search]").unchecked_into();
    input.set_value("ETRANGER");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    next_tick().await;
    assert_eq!(visible(&root), 1);
    assert_eq!(text(&status), "1 réponse correspond.");
    let shown: Vec<String> = all(&root, ".help-topic")
        .into_iter()
        .filter(|s| !s.has_attribute("hidden"))
        .map(|s| text(&one(&s, "h2")))
        .collect();
    assert_eq!(shown, ["Livraison"]);
    let link = all(&root, ".help-answers li:not([hidden]) a").remove(0);
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/aide/livraison/etranger")
    );

    input.set_value("xyzzy");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    next_tick().await;
    assert_eq!(visible(&root), 0);
    assert_eq!(text(&status), "Aucune réponse ne correspond.");
    let notice = one(&root, ".notice a");
    assert_eq!(
        notice.get_attribute("href").as_deref(),
        Some("/aide/contact")
    );
}

/// The static shell in index.html must match the live footer, or the page
/// jumps (and links change) when the app takes over.
#[wasm_bindgen_test]
async fn static_shell_footer_matches_the_live_footer() {
    let shell = container();
    let html = include_str!("../index.html");
    let start = html.find("<footer").unwrap();
    let end = html.find("</footer>").unwrap() + "</footer>".len();
    shell.set_inner_html(&html[start..end]);

    let live = container();
    let _app = leptos::mount::mount_to(live.clone(), || {
        view! {
            <Router>
                <Footer locale=Signal::stored(Locale::Fr) on_switch_locale=Callback::new(|_| {}) />
            </Router>
        }
    });
    let describe = |root: &web_sys::HtmlElement| -> Vec<String> {
        all(root, "footer, footer *")
            .iter()
            .map(|element| {
                let attribute = |name: &str| element.get_attribute(name).unwrap_or_default();
                format!(
                    "{} class={} href={} label={} lang={} text={:?}",
                    element.tag_name(),
                    attribute("class"),
                    attribute("href"),
                    attribute("aria-label"),
                    attribute("lang"),
                    if element.child_element_count() == 0 {
                        element.text_content().unwrap_or_default()
                    } else {
                        String::new()
                    },
                )
            })
            .collect()
    };
    let live_description = describe(&live);
    assert_eq!(describe(&shell), live_description);
    assert_eq!(all(&live, "footer nav a").len(), 6);
}
