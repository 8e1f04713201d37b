//! Following an order: its timeline (one dated event per fulfilment step),
//! the parcel (carrier, tracking number, the carrier's tracking page) and
//! what a visitor without an account may see of an order from its number
//! and e-mail (`POST /api/v1/orders/track`): status, products, timeline,
//! parcel and estimated delivery — never the address, the payment or the
//! internal id.

use super::OrderStatus;
use crate::calendar::Date;
use serde::{Deserialize, Serialize};

/// A fulfilment step, in the order they happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Ordered,
    /// Card authorized or wallet paid.
    PaymentAuthorized,
    InProduction,
    Shipped,
    Delivered,
    Cancelled,
    /// A step this build does not know yet (newer server).
    #[serde(other)]
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    pub kind: TimelineKind,
    /// Unix seconds, like `Order::created_at`.
    pub at: i64,
}

/// The carriers the shop ships with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Carrier {
    Colissimo,
    Chronopost,
    MondialRelay,
    Dpd,
    Gls,
    Ups,
    /// A carrier this build does not know yet (newer server).
    #[serde(other)]
    Other,
}

impl Carrier {
    /// The carrier's own name (a brand: the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            Carrier::Colissimo => "Colissimo",
            Carrier::Chronopost => "Chronopost",
            Carrier::MondialRelay => "Mondial Relay",
            Carrier::Dpd => "DPD",
            Carrier::Gls => "GLS",
            Carrier::Ups => "UPS",
            Carrier::Other => "",
        }
    }

    /// The public tracking page of a parcel; `None` for an unknown carrier
    /// or a number that is not a tracking number (it goes into a URL).
    pub fn tracking_url(self, tracking_number: &str) -> Option<String> {
        if !valid_tracking_number(tracking_number) {
            return None;
        }
        let n = tracking_number;
        Some(match self {
            Carrier::Colissimo => {
                format!("https://www.laposte.fr/outils/suivre-vos-envois?code={n}")
            }
            Carrier::Chronopost => {
                format!("https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT={n}")
            }
            Carrier::MondialRelay => {
                format!("https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition={n}")
            }
            Carrier::Dpd => format!("https://trace.dpd.fr/fr/trace/{n}"),
            Carrier::Gls => format!("https://gls-group.com/FR/fr/suivi-colis/?match={n}"),
            Carrier::Ups => format!("https://www.ups.com/track?loc=fr_FR&tracknum={n}"),
            Carrier::Other => return None,
        })
    }
}

/// 6 to 40 capital letters and digits: what carriers print on labels.
pub fn valid_tracking_number(number: &str) -> bool {
    (6..=40).contains(&number.len())
        && number
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Body of `POST /api/v1/operator/orders/{id}/ship` (optional: shipping
/// without it records no parcel).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShipRequest {
    pub carrier: Carrier,
    pub tracking_number: String,
}

/// The parcel of a shipped order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shipment {
    pub carrier: Carrier,
    pub tracking_number: String,
    /// The carrier's tracking page, built by the server.
    pub tracking_url: Option<String>,
}

/// Body of `POST /api/v1/orders/track` (a POST, so the e-mail stays out of
/// addresses and logs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackRequest {
    /// As typed: case, spaces and dashes do not matter.
    pub number: String,
    pub email: String,
}

/// One line of a tracked order: what and how many, no price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackedLine {
    pub project_name: String,
    pub product_id: String,
    pub copies: u32,
}

/// What number + e-mail show of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackedOrder {
    pub number: String,
    pub status: OrderStatus,
    pub lines: Vec<TrackedLine>,
    pub timeline: Vec<TimelineEvent>,
    pub shipment: Option<Shipment>,
    pub estimated_delivery: Option<Date>,
}

/// The answer of `POST /api/v1/orders/track`: "no such order" is an
/// answer (`order: null`), not an error, and never says whether the number
/// or the e-mail was wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackAnswer {
    pub order: Option<TrackedOrder>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_pages_are_built_from_each_carriers_template() {
        assert_eq!(
            Carrier::Colissimo.tracking_url("6A12345678901").as_deref(),
            Some("https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901")
        );
        assert_eq!(
            Carrier::Chronopost.tracking_url("XY123456789FR").as_deref(),
            Some(
                "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=XY123456789FR"
            )
        );
        for carrier in [
            Carrier::MondialRelay,
            Carrier::Dpd,
            Carrier::Gls,
            Carrier::Ups,
        ] {
            let url = carrier.tracking_url("ABC123456").unwrap();
            assert!(
                url.starts_with("https://") && url.ends_with("ABC123456"),
                "{url}"
            );
        }
        assert_eq!(Carrier::Other.tracking_url("ABC123456"), None);
    }

    #[test]
    fn only_tracking_numbers_go_into_a_url() {
        assert!(valid_tracking_number("ABC123"));
        assert!(valid_tracking_number(&"9".repeat(40)));
        assert!(!valid_tracking_number("ABC12"));
        assert!(!valid_tracking_number(&"9".repeat(41)));
        assert!(!valid_tracking_number("abc123"));
        assert!(!valid_tracking_number("ABC 123"));
        assert_eq!(Carrier::Colissimo.tracking_url("AB&x=1"), None);
    }

    #[test]
    fn carriers_are_snake_case_and_unknown_ones_parse() {
        assert_eq!(
            serde_json::to_string(&Carrier::MondialRelay).unwrap(),
            "\"mondial_relay\""
        );
        let request: ShipRequest =
            serde_json::from_str(r#"{"carrier":"colissimo","tracking_number":"6A1234567"}"#)
                .unwrap();
        assert_eq!(request.carrier, Carrier::Colissimo);
        assert_eq!(
            serde_json::from_str::<Carrier>("\"pigeon\"").unwrap(),
            Carrier::Other
        );
    }
}
