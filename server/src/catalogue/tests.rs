//! Pricing rules against the seeded catalogue (loaded from a real, freshly
//! migrated SQLite file).

use super::*;
use crate::db::Database;

async fn seeded() -> (Catalogue, tempfile::TempDir) {
    let dir = tempfile::TempDir::new().unwrap();
    let db = Database::open(dir.path()).await.unwrap();
    let catalogue = db.load_catalogue().await.unwrap();
    db.close().await;
    (catalogue, dir)
}

fn choice(product: &str, format: &str, quantity: u32) -> ProductChoice {
    ProductChoice {
        product_id: product.into(),
        format_id: format.into(),
        quantity,
        pages: None,
        cover_id: None,
    }
}

fn book(format: &str, pages: u32, cover: &str, quantity: u32) -> ProductChoice {
    ProductChoice {
        pages: Some(pages),
        cover_id: Some(cover.into()),
        ..choice("livre-photo", format, quantity)
    }
}

#[tokio::test]
async fn prints_get_volume_prices() {
    let (catalogue, _dir) = seeded().await;
    let price = |quantity| quote(&catalogue, &choice("tirages", "10x15", quantity)).unwrap();
    assert_eq!(price(1).total, Money::eur(19));
    assert_eq!(price(49).total, Money::eur(49 * 19));
    assert_eq!(price(50).unit_price, Money::eur(15));
    assert_eq!(price(50).total, Money::eur(750));
    assert_eq!(price(200).unit_price, Money::eur(12));
    assert_eq!(price(2000).total, Money::eur(24_000));
    // A format without tiers keeps its price.
    assert_eq!(
        quote(&catalogue, &choice("tirages", "20x30", 300))
            .unwrap()
            .unit_price,
        Money::eur(169)
    );
}

#[tokio::test]
async fn photo_books_price_pages_and_cover() {
    let (catalogue, _dir) = seeded().await;
    let base = quote(&catalogue, &book("a4-portrait", 24, "souple", 1)).unwrap();
    assert_eq!(base.total, Money::eur(2999));
    let bigger = quote(&catalogue, &book("a4-portrait", 40, "rigide", 2)).unwrap();
    assert_eq!(bigger.unit_price, Money::eur(2999 + 16 * 99 + 500));
    assert_eq!(bigger.total, Money::eur(2 * (2999 + 16 * 99 + 500)));
    for pages in [22, 25, 102] {
        assert_eq!(
            quote(&catalogue, &book("a4-portrait", pages, "souple", 1)),
            Err(PricingError::InvalidPages),
            "{pages}"
        );
    }
    assert_eq!(
        quote(&catalogue, &book("a4-portrait", 24, "dorée", 1)),
        Err(PricingError::UnknownOption)
    );
    assert_eq!(
        quote(&catalogue, &choice("livre-photo", "a4-portrait", 1)),
        Err(PricingError::InvalidPages)
    );
}

#[tokio::test]
async fn bad_choices_are_refused() {
    let (catalogue, _dir) = seeded().await;
    assert_eq!(
        quote(&catalogue, &choice("mug", "10x15", 1)),
        Err(PricingError::UnknownProduct)
    );
    assert_eq!(
        quote(&catalogue, &choice("tirages", "9x13", 1)),
        Err(PricingError::UnknownOption)
    );
    assert_eq!(
        quote(&catalogue, &choice("poster", "50x70", 0)),
        Err(PricingError::InvalidQuantity)
    );
    assert_eq!(
        quote(&catalogue, &choice("poster", "50x70", 21)),
        Err(PricingError::InvalidQuantity)
    );
    assert_eq!(
        quote(&catalogue, &choice("tirages", "10x15", u32::MAX)),
        Err(PricingError::InvalidQuantity)
    );
    let with_pages = ProductChoice {
        pages: Some(24),
        ..choice("calendrier", "a4", 1)
    };
    assert_eq!(
        quote(&catalogue, &with_pages),
        Err(PricingError::UnknownOption)
    );
}

#[tokio::test]
async fn the_catalogue_lists_every_product_with_its_lowest_price() {
    let (catalogue, _dir) = seeded().await;
    let ids: Vec<_> = catalogue.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["tirages", "livre-photo", "calendrier", "poster"]);
    let from: Vec<_> = catalogue
        .products
        .iter()
        .map(|p| p.from_price.cents)
        .collect();
    assert_eq!(from, [12, 2999, 1999, 1499]);
    assert_eq!(catalogue.free_delivery_threshold, Money::eur(4900));
    let delivery: Vec<_> = catalogue
        .delivery_options
        .iter()
        .map(|d| (d.id.as_str(), d.price.cents))
        .collect();
    assert_eq!(
        delivery,
        [("standard", 499), ("point-relais", 399), ("express", 999)]
    );
}

mod cart_totals {
    use super::*;
    use crate::catalogue::cart::{CartError, totals};
    use shop_api::cart::CartContents;

    fn cart(lines: Vec<ProductChoice>, delivery: Option<&str>) -> CartContents {
        CartContents {
            lines,
            delivery_option_id: delivery.map(str::to_owned),
        }
    }

    #[tokio::test]
    async fn below_the_threshold_delivery_is_charged_and_the_gap_shown() {
        let (catalogue, _dir) = seeded().await;
        let totals = totals(
            &catalogue,
            &cart(
                vec![choice("poster", "50x70", 1), choice("tirages", "10x15", 10)],
                Some("standard"),
            ),
        )
        .unwrap();
        assert_eq!(totals.subtotal, Money::eur(1499 + 190));
        let delivery = totals.delivery.unwrap();
        assert_eq!((delivery.price, delivery.waived), (Money::eur(499), false));
        assert_eq!(totals.total, Money::eur(1499 + 190 + 499));
        assert_eq!(
            totals.missing_for_free_delivery,
            Some(Money::eur(4900 - 1689))
        );
        assert_eq!(totals.vat_included, Money::eur(365)); // 2188 / 6 = 364.67
    }

    #[tokio::test]
    async fn from_the_threshold_standard_delivery_is_free_but_express_is_not() {
        let (catalogue, _dir) = seeded().await;
        let lines = vec![
            book("30x30", 24, "rigide", 1),
            choice("calendrier", "a4", 1),
        ];
        let standard = totals(&catalogue, &cart(lines.clone(), Some("standard"))).unwrap();
        assert_eq!(standard.subtotal, Money::eur(3999 + 500 + 1999));
        assert!(standard.delivery.as_ref().unwrap().waived);
        assert_eq!(standard.total, standard.subtotal);
        assert_eq!(standard.missing_for_free_delivery, None);
        let express = totals(&catalogue, &cart(lines, Some("express"))).unwrap();
        assert_eq!(express.total, Money::eur(3999 + 500 + 1999 + 999));
    }

    #[tokio::test]
    async fn errors_name_the_line_or_the_option() {
        let (catalogue, _dir) = seeded().await;
        let bad_line = cart(
            vec![choice("poster", "50x70", 1), choice("poster", "50x70", 0)],
            None,
        );
        assert_eq!(
            totals(&catalogue, &bad_line),
            Err(CartError::Line {
                index: 1,
                error: PricingError::InvalidQuantity
            })
        );
        let bad_delivery = cart(vec![choice("poster", "50x70", 1)], Some("drone"));
        assert_eq!(
            totals(&catalogue, &bad_delivery),
            Err(CartError::UnknownDeliveryOption)
        );
        let huge = cart(vec![choice("poster", "50x70", 1); 101], None);
        assert_eq!(totals(&catalogue, &huge), Err(CartError::TooManyLines));
        let empty = totals(&catalogue, &cart(vec![], Some("standard"))).unwrap();
        assert_eq!(empty.total, Money::eur(499));
        assert_eq!(empty.missing_for_free_delivery, None);
    }
}
