//! The sandbox on a free port, checked over real HTTP: health, the info
//! page and the framing rule.

mod support;

use support::{SHOP, Sandbox};

#[tokio::test]
async fn health_answers_and_only_the_shop_may_frame_pages() {
    let sandbox = Sandbox::start().await;
    for path in ["/health", "/", "/assets/pay.js", "/assets/pay.css"] {
        let response = reqwest::get(sandbox.url(path)).await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .unwrap();
        assert!(csp.contains(&format!("frame-ancestors {SHOP};")), "{csp}");
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    }
    let body: serde_json::Value = reqwest::get(sandbox.url("/health"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["status"], "ok");
    sandbox.stop().await;
}

#[tokio::test]
async fn the_info_page_lists_the_test_cards_in_french() {
    let sandbox = Sandbox::start().await;
    let page = reqwest::get(sandbox.url("/"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("lang=\"fr\""));
    assert!(page.contains("Cartes de test"));
    assert!(page.contains("Portefeuilles de test (Apple Pay, Google Pay)"));
    for number in [
        "4970 1000 0000 0006",
        "3782 822463 10005",
        "4000 0084 0000 1629",
    ] {
        assert!(page.contains(number), "{number}");
    }
    sandbox.stop().await;
}
