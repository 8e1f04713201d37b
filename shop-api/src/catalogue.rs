//! The catalogue as the storefront shows it, and the price of one configured
//! product (a quote). Every price comes from the server.

use crate::Money;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductKind {
    Prints,
    PhotoBook,
    Calendar,
    Poster,
}

/// A text in both of the shop's languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    pub fr: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    pub products: Vec<Product>,
    pub delivery_options: Vec<DeliveryOption>,
    /// Products' subtotal from which the options marked so ship free.
    pub free_delivery_threshold: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub id: String,
    pub kind: ProductKind,
    pub name: Localized,
    pub description: Localized,
    pub max_quantity: u32,
    pub formats: Vec<Format>,
    /// Photo books only.
    pub covers: Vec<Cover>,
    /// The lowest unit price any choice can reach ("à partir de").
    pub from_price: Money,
    /// Working days to make it, before the parcel leaves.
    #[serde(default)]
    pub production_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Format {
    pub id: String,
    pub label: String,
    pub unit_price: Money,
    /// Lower unit prices from a quantity on, by increasing quantity.
    pub volume_prices: Vec<VolumePrice>,
    /// Photo books only.
    pub pages: Option<PageRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumePrice {
    pub min_quantity: u32,
    pub unit_price: Money,
}

/// Pages come in sheets: always an even count from `base` to `max`; pages
/// beyond `base` cost `extra_page_price` each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRule {
    pub base: u32,
    pub max: u32,
    pub extra_page_price: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cover {
    pub id: String,
    pub label: Localized,
    pub price: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryOption {
    pub id: String,
    pub name: Localized,
    pub price: Money,
    pub min_days: u32,
    pub max_days: u32,
    pub free_above_threshold: bool,
}

/// Body of `POST /api/v1/quote`: one product as the shopper configured it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductChoice {
    pub product_id: String,
    pub format_id: String,
    pub quantity: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub unit_price: Money,
    pub quantity: u32,
    pub total: Money,
}
