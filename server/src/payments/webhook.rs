//! Webhook events from the PSP: the signature is checked before the body
//! is read (HMAC-SHA256 over `"{timestamp}.{body}"`, with a timestamp no
//! older than [`TOLERANCE_SECONDS`] so that a captured request cannot be
//! replayed later).

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How old a signed event may be.
pub const TOLERANCE_SECONDS: i64 = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("no signature header, or not in the `t=…,v1=…` form")]
    Malformed,
    #[error("the signature is older than the tolerance, or from the future")]
    Stale,
    #[error("the signature does not match the body")]
    Mismatch,
}

/// Checks `PSP-Signature: t=<unix seconds>,v1=<hex hmac>` against `body`.
pub fn verify(
    header: Option<&str>,
    body: &[u8],
    secret: &[u8],
    now: i64,
) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Malformed)?;
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => timestamp = value.parse::<i64>().ok(),
            Some(("v1", value)) => {
                signatures.push(decode_hex(value).ok_or(SignatureError::Malformed)?)
            }
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(SignatureError::Malformed)?;
    if signatures.is_empty() {
        return Err(SignatureError::Malformed);
    }
    // `abs_diff`: a timestamp near `i64::MIN` is stale, not an overflow.
    if now.abs_diff(timestamp) > TOLERANCE_SECONDS.unsigned_abs() {
        return Err(SignatureError::Stale);
    }
    // Any of the listed signatures may match (the PSP rolls secrets).
    for signature in signatures {
        if mac(secret, timestamp, body)
            .verify_slice(&signature)
            .is_ok()
        {
            return Ok(());
        }
    }
    Err(SignatureError::Mismatch)
}

/// The header a PSP would send: used by tests.
pub fn sign(body: &[u8], secret: &[u8], timestamp: i64) -> String {
    let tag = mac(secret, timestamp, body).finalize().into_bytes();
    let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
    format!("t={timestamp},v1={hex}")
}

fn mac(secret: &[u8], timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    // HMAC accepts keys of any length: this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret)
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"whsec-test";
    const BODY: &[u8] = br#"{"id":"evt_1","type":"payment.authorized"}"#;

    #[test]
    fn a_fresh_signature_of_the_body_is_accepted() {
        let header = sign(BODY, SECRET, 1_000);
        assert_eq!(verify(Some(&header), BODY, SECRET, 1_100), Ok(()));
    }

    #[test]
    fn a_changed_body_or_another_secret_is_refused() {
        let header = sign(BODY, SECRET, 1_000);
        let forged = br#"{"id":"evt_1","type":"payment.captured"}"#;
        assert_eq!(
            verify(Some(&header), forged, SECRET, 1_000),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(Some(&header), BODY, b"other", 1_000),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn old_or_future_signatures_are_refused() {
        let header = sign(BODY, SECRET, 1_000);
        assert_eq!(
            verify(Some(&header), BODY, SECRET, 1_301),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify(Some(&header), BODY, SECRET, 699),
            Err(SignatureError::Stale)
        );
        // Found by `fuzz_webhook_signature`: an overflow (a panic in debug
        // builds) before.
        for far in [i64::MIN, i64::MAX] {
            assert_eq!(
                verify(Some(&sign(BODY, SECRET, far)), BODY, SECRET, 1_000),
                Err(SignatureError::Stale)
            );
        }
    }

    #[test]
    fn malformed_headers_are_refused() {
        for header in [
            None,
            Some(""),
            Some("t=1000"),
            Some("v1=00"),
            Some("t=x,v1=00"),
            Some("t=1000,v1=zz"),
        ] {
            assert_eq!(
                verify(header, BODY, SECRET, 1_000),
                Err(SignatureError::Malformed),
                "{header:?}"
            );
        }
    }

    /// One comma-separated part of a signature header.
    #[derive(Debug, Clone)]
    enum Part {
        Time(i64),
        /// `v1=` and any hex, maybe of odd length.
        Hex(String),
        /// `v1=` and the right MAC of the body at this timestamp.
        Right(i64),
        Junk(String),
    }

    const NOW: i64 = 1_700_000_000;

    fn timestamp() -> impl proptest::strategy::Strategy<Value = i64> {
        use proptest::prelude::*;
        prop_oneof![
            Just(i64::MIN),
            Just(i64::MAX),
            Just(0),
            any::<i64>(),
            NOW - 2 * TOLERANCE_SECONDS..NOW + 2 * TOLERANCE_SECONDS,
        ]
    }

    fn header() -> impl proptest::strategy::Strategy<Value = (Vec<Part>, String, bool)> {
        use proptest::prelude::*;
        let part = prop_oneof![
            timestamp().prop_map(Part::Time),
            "[0-9a-fA-FxX]{0,70}".prop_map(Part::Hex),
            timestamp().prop_map(Part::Right),
            crate::fuzz::text(20).prop_map(Part::Junk),
        ];
        (
            proptest::collection::vec(part, 0..5),
            prop_oneof![
                Just(",".to_owned()),
                Just(" , ".to_owned()),
                Just(";".to_owned())
            ],
            any::<bool>(),
        )
    }

    /// Any header with any body: a verdict, never a panic; accepted only
    /// with the right MAC of this body at a timestamp within the tolerance.
    #[test]
    fn fuzz_webhook_signature() {
        use proptest::prelude::*;
        let cases = (header(), proptest::collection::vec(any::<u8>(), 0..200));
        crate::fuzz::run(
            "webhook signature (payments::webhook::verify)",
            cases,
            |((parts, separator, absent), body)| {
                let right = |timestamp: i64| sign(&body, SECRET, timestamp);
                let text: Vec<String> = parts
                    .iter()
                    .map(|part| match part {
                        Part::Time(timestamp) => format!("t={timestamp}"),
                        Part::Hex(hex) => format!("v1={hex}"),
                        Part::Right(timestamp) => right(*timestamp)
                            .split_once(',')
                            .map(|(_, v1)| v1.to_owned())
                            .unwrap_or_default(),
                        Part::Junk(junk) => junk.clone(),
                    })
                    .collect();
                let header = text.join(&separator);
                let verdict = verify((!absent).then_some(header.as_str()), &body, SECRET, NOW);
                if verdict.is_ok() {
                    let fresh_and_right = parts.iter().any(|part| match part {
                        Part::Time(timestamp) => {
                            (NOW - TOLERANCE_SECONDS..=NOW + TOLERANCE_SECONDS).contains(timestamp)
                                && header.contains(
                                    &right(*timestamp)[..]
                                        .split_once(',')
                                        .map(|(_, v1)| v1.to_owned())
                                        .unwrap_or_default(),
                                )
                        }
                        _ => false,
                    });
                    prop_assert!(fresh_and_right, "accepted {header:?}");
                }
                // The header the PSP sends is always accepted while fresh.
                let offset =
                    i64::from(body.first().copied().unwrap_or(0)) % (TOLERANCE_SECONDS + 1);
                let sent = right(NOW - offset);
                prop_assert_eq!(verify(Some(&sent), &body, SECRET, NOW), Ok(()));
                Ok(())
            },
        );
    }
}
