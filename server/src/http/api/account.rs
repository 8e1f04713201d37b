//! `POST /api/v1/account` (create), `GET|POST|DELETE /api/v1/session`
//! (who am I, sign in, sign out — which also deletes the account's cart),
//! `PUT /api/v1/account/language`; the links the shop e-mails are in
//! `account/verification.rs` (confirm the address) and
//! `account/recovery.rs` (reset the password).

mod controls;
mod email_change;
mod recovery;
mod verification;

use super::client_address::ClientAddress;
use super::json::ApiJson;
use super::session_cookie::{self, CurrentSession};
use super::{ApiFailure, ApiState};
use crate::accounts::device;
use crate::accounts::email::Email;
use crate::accounts::hashing::{self, HashingError};
use crate::accounts::password::{self, PasswordError};
use crate::accounts::throttle::Policy;
use crate::accounts::{known_device, session};
use crate::db::{AccountRow, LinkPurpose, NewAccount, NewAccountError, NewLink};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use shop_api::account::LanguageChoice;
use shop_api::{Account, Credentials, ErrorCode, Language, Session};
use std::sync::OnceLock;

pub fn router() -> Router<ApiState> {
    // Made now, not during the first sign-in with an unknown e-mail, whose
    // answer would otherwise be slower than the others.
    dummy_hash();
    Router::new()
        .route("/v1/account", post(create_account))
        .route("/v1/session", get(who_am_i).post(sign_in).delete(sign_out))
        .route("/v1/account/language", put(set_language))
        .merge(verification::router())
        .merge(controls::router())
        .merge(email_change::router())
        .merge(recovery::router())
}

/// `null` for a guest: a signed-out visitor is an answer, not an error
/// (a 401 here would log an error in every first visitor's console).
async fn who_am_i(current: Option<CurrentSession>) -> Json<Option<Session>> {
    Json(current.map(|current| Session {
        account: Account {
            email: current.email,
            email_verified: current.email_verified,
            language: current.language,
        },
    }))
}

async fn set_language(
    State(state): State<ApiState>,
    current: CurrentSession,
    ApiJson(choice): ApiJson<LanguageChoice>,
) -> Result<StatusCode, ApiFailure> {
    state
        .db
        .set_account_language(current.account_id, choice.language)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A new address gets its account, signed in, and the link confirming the
/// address. An address that has an account gets the same answer (so that
/// sign-up does not tell who has an account) and a message saying so,
/// sent to that address only.
async fn create_account(
    State(state): State<ApiState>,
    client: ClientAddress,
    headers: HeaderMap,
    ApiJson(credentials): ApiJson<Credentials>,
) -> Result<Response, ApiFailure> {
    let now = state.clock.now_ms();
    let signups = client.throttle_key("signup");
    ApiFailure::unless_throttled(&state.db, &signups, now).await?;
    let email = Email::parse(&credentials.email).ok_or_else(|| {
        ApiFailure::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidEmail,
            "invalid e-mail address",
        )
    })?;
    check_new_password(&credentials.password, Some(email.as_str()))?;
    // Every attempt that costs a hash counts, made or not (an e-mail
    // already taken is found only after it), and counts before the hash:
    // a burst at once is held to the policy like one after another.
    ApiFailure::take_attempt(&state.db, &[(&signups, Policy::SIGN_UP)], now).await?;
    let hash = state
        .password_work
        .hash(credentials.password)
        .await
        .map_err(hashing_failure)?;
    let language = credentials.language.unwrap_or_default();
    let now = state.clock.now();
    let token = session::new_token();
    let token_hash = session::token_hash(&token);
    let mail = state.letters.verify_email(language, email.as_str(), &token);
    let new = NewAccount {
        email: &email,
        password_hash: &hash,
        language,
        link: NewLink {
            token_hash: &token_hash,
            purpose: LinkPurpose::VerifyEmail,
            email: email.as_str(),
            expires_at: now + verification::LINK_SECONDS,
        },
        mail: &mail,
    };
    let account = match state.db.create_account(new, now).await {
        Ok(account) => account,
        Err(NewAccountError::EmailTaken) => {
            return already_has_an_account(&state, &email, language).await;
        }
        Err(NewAccountError::Db(error)) => return Err(error.into()),
    };
    tracing::info!(account_id = account.id, "account created");
    start_session(&state, &account, &headers, None, StatusCode::CREATED).await
}

/// The owner of an address that has an account is told, at most once an
/// hour (sign-ups cannot be made to flood an inbox); the browser gets what
/// a new account gets — cookies and body of the same shape — but the
/// session and device named in them do not exist.
async fn already_has_an_account(
    state: &ApiState,
    email: &Email,
    language: Language,
) -> Result<Response, ApiFailure> {
    if let Some(owner) = state.db.account_by_email(email).await? {
        let now = state.clock.now();
        let event = format!("account-exists:{}:{}", owner.id, now / 3600);
        // The owner's own language, not the visitor's.
        let mail = state.letters.account_exists(owner.language, &owner.email);
        state.db.enqueue_mail(&event, &mail, now).await?;
        tracing::info!(
            account_id = owner.id,
            "sign-up with an address that has an account"
        );
    }
    let secure = state.secure_cookies();
    let mut response = (
        StatusCode::CREATED,
        [(
            header::SET_COOKIE,
            session_cookie::set(&session::new_token(), secure),
        )],
        Json(Session {
            account: Account {
                email: email.as_str().to_owned(),
                email_verified: false,
                language,
            },
        }),
    )
        .into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        session_cookie::set_device(&session::new_token(), secure),
    );
    Ok(response)
}

async fn sign_in(
    State(state): State<ApiState>,
    client: ClientAddress,
    headers: HeaderMap,
    ApiJson(credentials): ApiJson<Credentials>,
) -> Result<Response, ApiFailure> {
    let now = state.clock.now_ms();
    // Keyed by what was typed, so unknown and known e-mails throttle alike.
    let typed: String = credentials
        .email
        .trim()
        .to_lowercase()
        .chars()
        // No control character reaches a key (PostgreSQL's text holds no
        // NUL); such an address is no account's anyway.
        .filter(|c| !c.is_control())
        .take(shop_api::account::EMAIL_MAX_CHARS)
        .collect();
    let language = credentials.language;
    let account = match Email::parse(&credentials.email) {
        Some(email) => state.db.account_by_email(&email).await?,
        None => None,
    };
    // Looked up whether or not the e-mail has an account, so that the
    // lookup's time says nothing about it.
    let device = match session_cookie::device_token(&headers, state.secure_cookies()) {
        Some(token) => {
            let hash = session::token_hash(&token);
            let owner = state.db.device_account(&hash).await?;
            owner.map(|owner| (KnownDevice { token, hash }, owner))
        }
        None => None,
    };
    let known_device = device
        .filter(|(_, owner)| account.as_ref().is_some_and(|a| a.id == *owner))
        .map(|(device, _)| device);
    // The owner's own browser answers for itself; anyone else counts
    // against the account.
    let account_key = known_device.as_ref().map_or_else(
        || format!("account:{typed}"),
        |device| known_device::throttle_key(&device.hash),
    );
    let client_key = client.throttle_key("client");
    let keys = [
        (account_key.as_str(), state.account_throttle),
        (client_key.as_str(), state.client_throttle),
    ];
    ApiFailure::take_attempt(&state.db, &keys, now).await?;
    // Unknown e-mail: verify against a dummy hash anyway, so that the answer
    // takes as long as for a real account.
    let stored = account
        .as_ref()
        .map_or_else(|| dummy_hash().to_owned(), |a| a.password_hash.clone());
    let password = credentials.password;
    let matches = state
        .password_work
        .verify(password, stored)
        .await
        .map_err(hashing_failure)?;
    match account {
        Some(account) if matches => {
            // The attempt was counted before the hash: a success gives the
            // account (or device) a clean slate and the address its count.
            state.db.clear_throttle(&account_key).await?;
            state.db.forgive_failure(&client_key).await?;
            // No fixation: whatever session the browser had ends here.
            if let Some(old) = session_cookie::token(&headers, state.secure_cookies()) {
                state.db.delete_session(&session::token_hash(&old)).await?;
            }
            let mut account = account;
            if let Some(language) = language.filter(|language| *language != account.language) {
                state.db.set_account_language(account.id, language).await?;
                account.language = language;
            }
            start_session(&state, &account, &headers, known_device, StatusCode::OK).await
        }
        // Counted already, by `take_attempt`.
        _ => Err(ApiFailure::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::InvalidCredentials,
            "wrong e-mail or password",
        )),
    }
}

async fn sign_out(
    State(state): State<ApiState>,
    headers: HeaderMap,
) -> Result<Response, ApiFailure> {
    if let Some(token) = session_cookie::token(&headers, state.secure_cookies()) {
        let token_hash = session::token_hash(&token);
        // The shop tells shoppers that signing out empties their cart (on
        // every device: there is one per account); saved projects stay.
        if let Some(session) = state.db.session(&token_hash).await? {
            state.db.delete_cart(session.account_id).await?;
        }
        state.db.delete_session(&token_hash).await?;
    }
    Ok((
        StatusCode::NO_CONTENT,
        [
            (
                header::SET_COOKIE,
                session_cookie::clear(state.secure_cookies()),
            ),
            (
                axum::http::HeaderName::from_static("clear-site-data"),
                HeaderValue::from_static("\"storage\""),
            ),
        ],
    )
        .into_response())
}

/// A known-device cookie this request carried for the account signing in.
struct KnownDevice {
    token: String,
    hash: String,
}

/// A new session, and the browser known from now on: a new device token,
/// or the one it proved, renewed.
async fn start_session(
    state: &ApiState,
    account: &AccountRow,
    headers: &HeaderMap,
    known_device: Option<KnownDevice>,
    status: StatusCode,
) -> Result<Response, ApiFailure> {
    let account_id = account.id;
    let now = state.clock.now();
    let secure = state.secure_cookies();
    let token = session::new_token();
    let browser = headers
        .get(header::USER_AGENT)
        .and_then(|agent| agent.to_str().ok())
        .map(device::describe)
        .unwrap_or_default();
    state
        .db
        .create_session(&session::token_hash(&token), account_id, &browser, now)
        .await?;
    let mut response = (
        status,
        [(header::SET_COOKIE, session_cookie::set(&token, secure))],
        Json(session_body(account)),
    )
        .into_response();
    let device = known_device.unwrap_or_else(|| {
        let token = session::new_token();
        KnownDevice {
            hash: session::token_hash(&token),
            token,
        }
    });
    state
        .db
        .remember_device(&device.hash, account_id, now)
        .await?;
    // After the session's: clients that keep one cookie keep that one.
    response.headers_mut().append(
        header::SET_COOKIE,
        session_cookie::set_device(&device.token, secure),
    );
    Ok(response)
}

/// A new password's rules (`password::check_new`, with the address, when
/// known, and the shop's name as words it must not lean on), as the API's
/// refusal.
fn check_new_password(password: &str, email: Option<&str>) -> Result<(), ApiFailure> {
    let context: Vec<&str> = email
        .into_iter()
        .flat_map(|email| email.split(['@', '.']))
        .chain(["photo", "service"])
        .collect();
    password::check_new(password, &context).map_err(|error| {
        let code = match error {
            PasswordError::TooShort => ErrorCode::PasswordTooShort,
            PasswordError::TooLong => ErrorCode::PasswordTooLong,
            PasswordError::TooWeak => ErrorCode::PasswordTooWeak,
        };
        ApiFailure::new(StatusCode::BAD_REQUEST, code, &error.to_string())
    })
}

/// A link e-mailed to `email` for `purpose`, valid `seconds`: its token is
/// made here, `render` writes the message carrying it, and both are stored
/// together (only the token's hash).
async fn send_link(
    state: &ApiState,
    account_id: i64,
    purpose: LinkPurpose,
    email: &str,
    seconds: i64,
    render: impl FnOnce(&str) -> crate::mail::Mail,
) -> Result<(), ApiFailure> {
    let now = state.clock.now();
    let token = session::new_token();
    let token_hash = session::token_hash(&token);
    let mail = render(&token);
    let link = NewLink {
        token_hash: &token_hash,
        purpose,
        email,
        expires_at: now + seconds,
    };
    state.db.send_link(account_id, &link, &mail, now).await?;
    Ok(())
}

/// Busy slots are a `503` with when to come back; a failed hash is ours.
fn hashing_failure(error: HashingError) -> ApiFailure {
    match error {
        HashingError::Busy(_) => {
            tracing::warn!("password slots busy: request refused");
            ApiFailure::busy(hashing::RETRY_AFTER_SECONDS)
        }
        error => {
            tracing::error!(%error, "cannot hash or check a password");
            ApiFailure::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "internal error",
            )
        }
    }
}

/// A real Argon2id hash of a random password, made once.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| password::hash(&session::new_token()).unwrap_or_default())
}

fn session_body(account: &AccountRow) -> Session {
    Session {
        account: Account {
            email: account.email.clone(),
            email_verified: account.email_verified_at.is_some(),
            language: account.language,
        },
    }
}
