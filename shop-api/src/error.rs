//! The JSON body of every API error: a stable machine code the storefront
//! translates for the shopper, plus an English message for developers' logs.

use serde::{Deserialize, Serialize};

/// Stable error codes. The storefront maps each to a sentence in the
/// shopper's language; never show `message` to a shopper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    MethodNotAllowed,
    Internal,
    /// The body is not JSON, or not the expected shape.
    InvalidJson,
    UnsupportedMediaType,
    /// A query-string parameter that is not what the route takes.
    InvalidQuery,
    PayloadTooLarge,
    /// A state-changing request that did not come from the shop's own pages.
    CrossSiteRequest,
    InvalidEmail,
    PasswordTooShort,
    PasswordTooLong,
    /// Common or guessable.
    PasswordTooWeak,
    /// No longer answered by sign-up (which answers a new and a known
    /// address alike); kept so that older storefronts' code still parses.
    EmailTaken,
    /// The account cannot be deleted while one of its orders is neither
    /// shipped, delivered nor cancelled (the shop still owes or holds
    /// something for it).
    AccountHasOpenOrders,
    /// A link the shop sent (address confirmation, password reset) that
    /// is unknown, already used, or past its validity.
    InvalidLink,
    /// Wrong e-mail or password: deliberately never says which.
    InvalidCredentials,
    /// Too many failed sign-ins: wait `retry_after_seconds`.
    TooManyAttempts,
    /// No session, or an expired one.
    Unauthenticated,
    UnknownProduct,
    /// A format or cover the product does not have, or an option it does
    /// not take.
    UnknownOption,
    /// Outside 1 and the product's maximum.
    InvalidQuantity,
    /// Not an even count within the format's page range.
    InvalidPages,
    UnknownDeliveryOption,
    /// More lines than a cart may hold.
    CartTooLarge,
    /// A project or photo id that is not 1 to 64 letters, digits, `-`, `_`.
    InvalidId,
    /// Empty, too long, or with control characters.
    InvalidProjectName,
    /// Not a JPEG, PNG or WebP image, judged by its content.
    InvalidImage,
    /// Larger than `MAX_PHOTO_BYTES`.
    PhotoTooLarge,
    /// More than `MAX_PHOTOS_PER_PROJECT` photos in one project.
    TooManyPhotos,
    /// The account's photos together would exceed its storage quota.
    PhotoQuotaReached,
    /// A new project beyond the most one account may keep.
    ProjectQuotaReached,
    /// The address has fields to correct (named in `invalid_fields`).
    InvalidAddress,
    /// Ordering needs a cart with at least one line.
    CartEmpty,
    /// `POST /api/v1/orders` without an `Idempotency-Key` header, or a bad one.
    IdempotencyKeyMissing,
    /// The order is not in a state that allows this (e.g. cancel after
    /// shipment).
    InvalidOrderState,
    /// The shopper cannot cancel: production has started (customer
    /// service can help).
    ProductionStarted,
    /// The operator's parcel: an unknown carrier, or a tracking number that
    /// is not 6 to 40 capitals and digits.
    InvalidShipment,
    /// A cart line's project is not saved in the account as the cart has
    /// it, or does not have the photos its product needs yet.
    ProjectNotReady,
    /// The wallet's token, or Apple Pay's validation URL, was refused.
    InvalidWalletRequest,
    /// The payment provider did not answer; the order is kept, try again.
    PaymentUnavailable,
    /// An order without the current CGV ticked as accepted.
    TermsNotAccepted,
    /// A support request's message, or an operator's answer, is empty or
    /// longer than its limit (`support::MESSAGE_MAX_CHARS`, `ANSWER_MAX_CHARS`).
    InvalidSupportMessage,
    /// The order reference of a support request is too long or has control
    /// characters.
    InvalidOrderReference,
    /// Too many support requests from this address: wait
    /// `retry_after_seconds`.
    TooManySupportRequests,
    /// A refund's reason is empty, longer than
    /// `order::payments::REFUND_REASON_MAX_CHARS`, or has control characters.
    InvalidRefundReason,
    /// A refund of more than was debited and not yet given back (or of
    /// nothing).
    RefundTooLarge,
    /// Too many cards refused on this order or account (card testing): no
    /// payment before `retry_after_seconds` have passed (the order's
    /// `payment.retry_at`).
    TooManyPaymentAttempts,
    /// `POST /api/v1/test/clock` with `advance_seconds` below 0 or beyond
    /// 400 days.
    InvalidClockAdvance,
    /// An operator's reconciliation pass while another server process runs
    /// one (it holds the lease): try again shortly.
    ReconcilerBusy,
    /// The server has more work of this kind than it takes at once (e.g.
    /// every password slot busy, or too many requests in flight): try again
    /// after `retry_after_seconds` (also the `503`'s `Retry-After`).
    ServerBusy,
    /// A code this build does not know yet (newer server): keeps old
    /// storefronts parsing errors instead of failing on them.
    #[serde(other)]
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiErrorBody {
    pub error: ApiError,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<u64>,
}

impl ApiErrorBody {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            error: ApiError {
                code,
                message: message.into(),
                retry_after_seconds: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_has_a_stable_shape() {
        let body = ApiErrorBody::new(ErrorCode::NotFound, "no such route");
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"error": {"code": "not_found", "message": "no such route"}})
        );
    }

    #[test]
    fn unknown_codes_from_a_newer_server_still_parse() {
        let body: ApiErrorBody =
            serde_json::from_str(r#"{"error":{"code":"teapot","message":"x"}}"#).unwrap();
        assert_eq!(body.error.code, ErrorCode::Unknown);
    }
}
