//! The stored cart of signed-in shoppers over real HTTP: shared by the
//! account's browsers, checked and priced by the server, merged with the
//! guest's at sign-in, emptied at sign-out.

use reqwest::StatusCode;
use serde_json::{Value, json};
use shop_api::cart::MAX_CART_LINES;

mod support;
use support::{STRONG, Shopper, TestServer, code};

fn line(project: &str, quantity: u32, copies: Value) -> Value {
    json!({
        "project_id": project,
        "project_name": format!("Projet {project}"),
        "choice": {"product_id": "tirages", "format_id": "10x15", "quantity": quantity},
        "copies": copies,
    })
}

fn book(project: &str, copies: u32) -> Value {
    json!({
        "project_id": project,
        "project_name": " Mon livre ",
        "choice": {"product_id": "livre-photo", "format_id": "a4-portrait", "quantity": 1, "pages": 30, "cover_id": "rigide"},
        "copies": copies,
    })
}

fn copies(cart: &Value) -> Vec<(String, u64)> {
    cart["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            (
                line["project_id"].as_str().unwrap().to_owned(),
                line["copies"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_cart_needs_a_session() {
    let server = TestServer::start().await;
    let mut guest = Shopper::new(&server);
    let answers = [
        guest.get("/api/v1/cart").await,
        guest.put("/api/v1/cart", json!({"lines": []})).await,
        guest.post("/api/v1/cart/merge", json!({"lines": []})).await,
    ];
    for answer in answers {
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(code(&answer), "unauthenticated");
    }
    server.stop().await;
}

#[tokio::test]
async fn the_cart_is_empty_then_follows_the_account_to_another_browser() {
    let server = TestServer::start().await;
    let mut laptop = Shopper::signed_up(&server, "a@exemple.fr").await;
    let empty = laptop.get("/api/v1/cart").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert_eq!(empty.body, json!({"lines": []}));

    let cart = json!({"lines": [line("p1", 12, json!(2)), book("p2", 1)], "delivery_option_id": "standard"});
    let stored = laptop.put("/api/v1/cart", cart).await;
    assert_eq!(stored.status, StatusCode::OK, "{:?}", stored.body);
    assert_eq!(stored.body["lines"][1]["project_name"], "Mon livre");

    let mut phone = Shopper::new(&server);
    assert_eq!(
        phone.sign_in("a@exemple.fr", STRONG).await.status,
        StatusCode::OK
    );
    let seen = phone.get("/api/v1/cart").await;
    assert_eq!(seen.body, stored.body);
    assert_eq!(seen.body["delivery_option_id"], "standard");

    // Replacing with an empty cart empties it everywhere.
    let emptied = phone.put("/api/v1/cart", json!({"lines": []})).await;
    assert_eq!(emptied.body, json!({"lines": []}));
    assert_eq!(laptop.get("/api/v1/cart").await.body, json!({"lines": []}));
    server.stop().await;
}

#[tokio::test]
async fn prices_in_a_cart_body_change_nothing() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "b@exemple.fr").await;
    let honest = json!({"lines": [line("p1", 12, json!(2)), book("p2", 1)]});
    let mut tampered = honest.clone();
    for line in tampered["lines"].as_array_mut().unwrap() {
        line["unit_price"] = json!({"cents": 1, "currency": "EUR"});
        line["total"] = json!({"cents": 1, "currency": "EUR"});
        line["choice"]["price"] = json!({"cents": 1, "currency": "EUR"});
    }
    tampered["total"] = json!({"cents": 2, "currency": "EUR"});
    let stored = shopper.put("/api/v1/cart", tampered).await;
    assert_eq!(stored.status, StatusCode::OK);
    let text = String::from_utf8(stored.bytes.clone()).unwrap();
    assert!(!text.contains("cents") && !text.contains("price"), "{text}");

    // Totals of the stored cart are those of the honest one.
    let contents = |cart: &Value| {
        let lines: Vec<Value> = cart["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|line| {
                let mut choice = line["choice"].clone();
                choice["quantity"] =
                    json!(choice["quantity"].as_u64().unwrap() * line["copies"].as_u64().unwrap());
                choice
            })
            .collect();
        json!({"lines": lines})
    };
    let from_stored = shopper
        .post("/api/v1/cart/totals", contents(&stored.body))
        .await;
    let from_honest = shopper.post("/api/v1/cart/totals", contents(&honest)).await;
    assert_eq!(from_stored.status, StatusCode::OK);
    assert_eq!(from_stored.body, from_honest.body);
    let book_unit = 2999 + 6 * 99 + 500;
    assert_eq!(from_stored.body["subtotal"]["cents"], 24 * 19 + book_unit);
    server.stop().await;
}

#[tokio::test]
async fn bad_carts_are_refused_and_change_nothing() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "c@exemple.fr").await;
    let kept = json!({"lines": [line("kept", 1, json!(1))]});
    shopper.put("/api/v1/cart", kept.clone()).await;
    let too_many: Vec<Value> = (0..=MAX_CART_LINES)
        .map(|i| line(&format!("p{i}"), 1, json!(1)))
        .collect();
    let mut unnamed = line("p", 1, json!(1));
    unnamed["project_name"] = json!("  ");
    let cases = [
        (vec![line("p", 1, json!(0))], 422, "invalid_quantity"),
        (vec![line("p", 2, json!(u32::MAX))], 422, "invalid_quantity"),
        (vec![line("p", 1, json!(3000))], 422, "invalid_quantity"),
        (vec![line("p", 1, json!(-1))], 400, "invalid_json"),
        (vec![line("p", 1, json!(1.5))], 400, "invalid_json"),
        (
            vec![
                json!({"project_id": "p", "project_name": "P", "choice": {"product_id": "mug", "format_id": "x", "quantity": 1}, "copies": 1}),
            ],
            422,
            "unknown_product",
        ),
        (too_many, 422, "cart_too_large"),
        (vec![line("../p", 1, json!(1))], 400, "invalid_id"),
        (
            vec![line("p", 1, json!(1)), line("p", 2, json!(1))],
            400,
            "invalid_id",
        ),
        (vec![unnamed], 400, "invalid_project_name"),
    ];
    for (lines, status, expected) in cases {
        let answer = shopper.put("/api/v1/cart", json!({"lines": lines})).await;
        assert_eq!(
            answer.status.as_u16(),
            status,
            "{expected}: {:?}",
            answer.body
        );
        assert_eq!(code(&answer), expected);
        let merged = shopper
            .post("/api/v1/cart/merge", json!({"lines": lines}))
            .await;
        assert_eq!(merged.status.as_u16(), status, "merge {expected}");
    }
    let delivery = shopper
        .put(
            "/api/v1/cart",
            json!({"lines": [], "delivery_option_id": "drone"}),
        )
        .await;
    assert_eq!(code(&delivery), "unknown_delivery_option");
    assert_eq!(shopper.get("/api/v1/cart").await.body, kept);
    server.stop().await;
}

#[tokio::test]
async fn a_full_cart_with_long_names_fits() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "d@exemple.fr").await;
    let lines: Vec<Value> = (0..MAX_CART_LINES)
        .map(|i| {
            let mut line = book(&format!("{i:0>64}"), 1);
            line["project_name"] = json!("é".repeat(80));
            line
        })
        .collect();
    let stored = shopper.put("/api/v1/cart", json!({"lines": lines})).await;
    assert_eq!(stored.status, StatusCode::OK, "{:?}", stored.body);
    assert_eq!(
        stored.body["lines"].as_array().unwrap().len(),
        MAX_CART_LINES
    );
    server.stop().await;
}

#[tokio::test]
async fn merging_keeps_the_larger_copies_and_adds_the_guest_lines() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "e@exemple.fr").await;
    shopper
        .put(
            "/api/v1/cart",
            json!({"lines": [line("a", 1, json!(1)), line("b", 1, json!(4))], "delivery_option_id": "express"}),
        )
        .await;
    let guest = json!({
        "lines": [line("b", 1, json!(2)), line("a", 1, json!(3)), line("c", 1, json!(1))],
        "delivery_option_id": "standard",
    });
    let merged = shopper.post("/api/v1/cart/merge", guest).await;
    assert_eq!(merged.status, StatusCode::OK, "{:?}", merged.body);
    let expected = [
        ("a".to_owned(), 3),
        ("b".to_owned(), 4),
        ("c".to_owned(), 1),
    ];
    assert_eq!(copies(&merged.body), expected);
    assert_eq!(merged.body["delivery_option_id"], "express");
    assert_eq!(shopper.get("/api/v1/cart").await.body, merged.body);

    // Two merges at once (two tabs signing in) lose nothing.
    let mut other_tab = Shopper {
        server: &server,
        cookie: shopper.cookie.clone(),
    };
    let (first, second) = tokio::join!(
        shopper.post(
            "/api/v1/cart/merge",
            json!({"lines": [line("d", 1, json!(1))]})
        ),
        other_tab.post(
            "/api/v1/cart/merge",
            json!({"lines": [line("e", 1, json!(1))]})
        ),
    );
    assert_eq!(
        (first.status, second.status),
        (StatusCode::OK, StatusCode::OK)
    );
    let mut ids: Vec<String> = copies(&shopper.get("/api/v1/cart").await.body)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    ids.sort();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    server.stop().await;
}

#[tokio::test]
async fn signing_out_deletes_the_cart_but_not_the_projects() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "f@exemple.fr").await;
    let project = json!({
        "name": "Gardé",
        "choice": {"product_id": "poster", "format_id": "50x70", "quantity": 1},
        "photo_ids": [],
    });
    assert_eq!(
        shopper.put("/api/v1/projects/garde", project).await.status,
        StatusCode::OK
    );
    shopper
        .put("/api/v1/cart", json!({"lines": [line("p", 1, json!(2))]}))
        .await;
    assert_eq!(shopper.sign_out().await.status, StatusCode::NO_CONTENT);
    assert_eq!(
        shopper.sign_in("f@exemple.fr", STRONG).await.status,
        StatusCode::OK
    );
    assert_eq!(shopper.get("/api/v1/cart").await.body, json!({"lines": []}));
    let projects = shopper.get("/api/v1/projects").await;
    assert_eq!(projects.body["items"][0]["id"], "garde");
    server.stop().await;
}

#[tokio::test]
async fn deleting_a_saved_project_removes_its_cart_line() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "g@exemple.fr").await;
    let project = json!({
        "name": "Tirages",
        "choice": {"product_id": "tirages", "format_id": "10x15", "quantity": 1},
        "photo_ids": [],
    });
    shopper.put("/api/v1/projects/saved", project).await;
    shopper
        .put(
            "/api/v1/cart",
            json!({"lines": [line("saved", 1, json!(1)), line("local", 1, json!(1))]}),
        )
        .await;
    // Another account's project of the same id is not this cart's line.
    let mut other = Shopper::signed_up(&server, "h@exemple.fr").await;
    assert_eq!(
        other.delete("/api/v1/projects/saved").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(copies(&shopper.get("/api/v1/cart").await.body).len(), 2);

    assert_eq!(
        shopper.delete("/api/v1/projects/saved").await.status,
        StatusCode::NO_CONTENT
    );
    let cart = shopper.get("/api/v1/cart").await;
    assert_eq!(copies(&cart.body), [("local".to_owned(), 1)]);
    server.stop().await;
}
