//! Reads the catalogue tables into the wire form the storefront receives.
//! The server does so once, at start-up (`crate::catalogue::cache`);
//! requests use that in-memory copy.

use super::{Database, DbError};
use crate::catalogue::from_price;
use shop_api::Money;
use shop_api::catalogue::{
    Catalogue, Cover, DeliveryOption, Format, Localized, PageRule, Product, ProductKind,
    VolumePrice,
};

type ProductRow = (String, String, String, String, String, String, i64, i64);
type FormatRow = (
    String,
    String,
    String,
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);
type CoverRow = (String, String, String, String, i64);
type DeliveryRow = (String, String, String, i64, i64, i64, i64);

fn count(value: i64) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

fn kind(value: &str) -> ProductKind {
    match value {
        "photo_book" => ProductKind::PhotoBook,
        "calendar" => ProductKind::Calendar,
        "poster" => ProductKind::Poster,
        _ => ProductKind::Prints,
    }
}

impl Database {
    /// Reads every catalogue table: for `CatalogueCache::load`, not for
    /// requests.
    pub async fn load_catalogue(&self) -> Result<Catalogue, DbError> {
        let products: Vec<ProductRow> = sqlx::query_as(
            "SELECT id, kind, name_fr, name_en, description_fr, description_en, max_quantity, \
             production_days FROM products ORDER BY position",
        )
        .fetch_all(&self.pool)
        .await?;
        let formats: Vec<FormatRow> = sqlx::query_as(
            "SELECT product_id, id, label, unit_cents, base_pages, max_pages, extra_page_cents \
             FROM product_formats ORDER BY product_id, position",
        )
        .fetch_all(&self.pool)
        .await?;
        let tiers: Vec<(String, String, i64, i64)> = sqlx::query_as(
            "SELECT product_id, format_id, min_quantity, unit_cents FROM volume_tiers \
             ORDER BY product_id, format_id, min_quantity",
        )
        .fetch_all(&self.pool)
        .await?;
        let covers: Vec<CoverRow> = sqlx::query_as(
            "SELECT product_id, id, label_fr, label_en, cents FROM cover_options \
             ORDER BY product_id, position",
        )
        .fetch_all(&self.pool)
        .await?;
        let delivery: Vec<DeliveryRow> = sqlx::query_as(
            "SELECT id, name_fr, name_en, cents, min_days, max_days, free_above_threshold \
             FROM delivery_options ORDER BY position",
        )
        .fetch_all(&self.pool)
        .await?;
        let threshold: (i64,) = sqlx::query_as(
            "SELECT value FROM shop_settings WHERE key = 'free_delivery_threshold_cents'",
        )
        .fetch_one(&self.pool)
        .await?;

        let products = products
            .into_iter()
            .map(
                |(
                    id,
                    kind_name,
                    name_fr,
                    name_en,
                    description_fr,
                    description_en,
                    max_quantity,
                    production_days,
                )| {
                    let formats: Vec<Format> = formats
                        .iter()
                        .filter(|row| row.0 == id)
                        .map(|(_, format_id, label, unit, base, max, extra)| Format {
                            id: format_id.clone(),
                            label: label.clone(),
                            unit_price: Money::eur(*unit),
                            volume_prices: tiers
                                .iter()
                                .filter(|t| t.0 == id && &t.1 == format_id)
                                .map(|t| VolumePrice {
                                    min_quantity: count(t.2),
                                    unit_price: Money::eur(t.3),
                                })
                                .collect(),
                            pages: match (base, max, extra) {
                                (Some(base), Some(max), Some(extra)) => Some(PageRule {
                                    base: count(*base),
                                    max: count(*max),
                                    extra_page_price: Money::eur(*extra),
                                }),
                                _ => None,
                            },
                        })
                        .collect();
                    let covers: Vec<Cover> = covers
                        .iter()
                        .filter(|row| row.0 == id)
                        .map(|(_, cover_id, fr, en, cents)| Cover {
                            id: cover_id.clone(),
                            label: Localized {
                                fr: fr.clone(),
                                en: en.clone(),
                            },
                            price: Money::eur(*cents),
                        })
                        .collect();
                    Product {
                        from_price: from_price(&formats, &covers),
                        kind: kind(&kind_name),
                        id,
                        name: Localized {
                            fr: name_fr,
                            en: name_en,
                        },
                        description: Localized {
                            fr: description_fr,
                            en: description_en,
                        },
                        max_quantity: count(max_quantity),
                        production_days: count(production_days),
                        formats,
                        covers,
                    }
                },
            )
            .collect();
        Ok(Catalogue {
            products,
            delivery_options: delivery
                .into_iter()
                .map(
                    |(id, fr, en, cents, min_days, max_days, free)| DeliveryOption {
                        id,
                        name: Localized { fr, en },
                        price: Money::eur(cents),
                        min_days: count(min_days),
                        max_days: count(max_days),
                        free_above_threshold: free != 0,
                    },
                )
                .collect(),
            free_delivery_threshold: Money::eur(threshold.0),
        })
    }
}
