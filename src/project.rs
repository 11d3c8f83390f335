//! Tokens for project credentials (API key + secret): the one-shot functions and
//! [`TokenGenerator`], which derives the HMAC key schedules once.

use alloc::string::String;
use alloc::vec::Vec;
use hmac::{Hmac, KeyInit};
use sha1::Sha1;
use sha2::Sha256;

use crate::claims::Claims;
#[cfg(doc)]
use crate::error::ErrorCode;
use crate::error::{fail, ErrorReason, Result};
use crate::limits::{utf16_len_exceeds, MAX_API_KEY_LENGTH, MAX_API_SECRET_LENGTH};
use crate::nonce::Nonce;
use crate::options::{TokenOptions, TokenType};
use crate::session_id::check_owner;
use crate::text::{push_int, push_json_string};
use crate::uuid::Jti;
use crate::{jwt, t1};

/// The default lifetime of a project's REST API JWT, in seconds (what `opentok` uses).
pub const DEFAULT_REST_TOKEN_SECONDS: u32 = 300;

/// Checks the credentials: the key's length, then its digits; the secret's emptiness, then its length.
pub(crate) fn check_credentials(api_key: &str, api_secret: &str) -> Result<()> {
    check_api_key(api_key)?;
    check_secret(api_secret)
}

/// Checks an API key: its length, then its digits.
pub(crate) fn check_api_key(api_key: &str) -> Result<()> {
    if api_key.len() > MAX_API_KEY_LENGTH {
        return Err(fail(ErrorReason::ApiKeyTooLong));
    }
    if api_key.is_empty() || !api_key.bytes().all(|b| b.is_ascii_digit()) {
        return Err(fail(ErrorReason::ApiKey));
    }
    Ok(())
}

/// Checks the secret: its emptiness, then its length.
pub(crate) fn check_secret(api_secret: &str) -> Result<()> {
    if api_secret.is_empty() {
        return Err(fail(ErrorReason::ApiSecret));
    }
    if utf16_len_exceeds(api_secret, MAX_API_SECRET_LENGTH) {
        return Err(fail(ErrorReason::ApiSecretTooLong));
    }
    Ok(())
}

/// Tokens are ASCII (base64 symbols, `.`, `=`), so the conversion never falls back.
fn ascii_string(token: Vec<u8>) -> String {
    String::from_utf8(token).unwrap_or_default()
}

/// The HMAC keyed with the secret (HMAC takes keys of any length: the error cannot happen).
pub(crate) fn keyed<M: KeyInit>(api_secret: &str) -> Result<M> {
    M::new_from_slice(api_secret.as_bytes()).map_err(|_| fail(ErrorReason::ApiSecret))
}

/// Mints tokens for one project: holds the API key and the HMAC key schedules derived from the
/// secret, computed once. The key material is zeroed when the generator is dropped.
///
/// It deliberately implements neither `Debug` nor `Clone`, so the key cannot leak into logs or copies.
///
/// ```
/// use vonage_video_token::{Nonce, TokenGenerator, TokenOptions};
/// let generator = TokenGenerator::new("123456", "1234567890abcdef1234567890abcdef1234567890")?;
/// let token = generator.generate_token_at(
///     "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
///     &TokenOptions::new(),
///     1_700_000_000_000.0,
///     &Nonce::new(0.3942609881050885)?,
/// )?;
/// assert!(token.ends_with(".1U1Al1oHrEZjPC7aFBRvzrjN1VlgTOMV1EMsSD0Wgc4"));
/// # Ok::<(), vonage_video_token::Error>(())
/// ```
pub struct TokenGenerator {
    api_key: String,
    hs256: Hmac<Sha256>,
    sha1: Hmac<Sha1>,
}

impl TokenGenerator {
    /// Validates the credentials and derives the signing keys.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidApiKey`] unless `api_key` is a string of 1 to
    /// [`MAX_API_KEY_LENGTH`](crate::MAX_API_KEY_LENGTH) ASCII digits;
    /// [`ErrorCode::InvalidApiSecret`] if `api_secret` is empty or longer than
    /// [`MAX_API_SECRET_LENGTH`](crate::MAX_API_SECRET_LENGTH).
    pub fn new(api_key: &str, api_secret: &str) -> Result<Self> {
        check_credentials(api_key, api_secret)?;
        Ok(Self { api_key: String::from(api_key), hs256: keyed(api_secret)?, sha1: keyed(api_secret)? })
    }

    /// The API key this generator mints for.
    #[must_use]
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// Mints a token with the system clock and a fresh random nonce.
    ///
    /// # Errors
    /// Any [`ErrorCode`] about the session id or the options, or [`ErrorCode::NoRandomness`].
    #[cfg(feature = "std")]
    pub fn generate_token(&self, session_id: &str, options: &TokenOptions<'_>) -> Result<String> {
        self.generate_token_at(session_id, options, crate::host::now_ms(), &Nonce::random()?)
    }

    /// Mints a token for a given clock reading (`now_ms`, milliseconds since the epoch, like JS
    /// `Date.now()`) and nonce: the same inputs give the same bytes as `opentok@2.23.2` with that
    /// clock and `Math.random()` value.
    ///
    /// # Errors
    /// Any [`ErrorCode`] about the session id or the options; [`ErrorCode::InvalidClock`] if
    /// `now_ms` is out of range.
    pub fn generate_token_at(
        &self,
        session_id: &str,
        options: &TokenOptions<'_>,
        now_ms: f64,
        nonce: &Nonce,
    ) -> Result<String> {
        check_owner(session_id, &self.api_key)?;
        let claims = Claims { nonce: nonce.as_str(), ..Claims::new(session_id, options, now_ms)? };
        Ok(ascii_string(match options.token_type {
            TokenType::Jwt => jwt::encode(self.hs256.clone(), &self.api_key, &claims),
            TokenType::T1 => t1::encode(self.sha1.clone(), &self.api_key, &claims),
        }))
    }
}

/// The REST API JWT of a project (the `X-OPENTOK-AUTH` header): HS256 claims `iss` (the API key),
/// `ist` (`project`), `iat`, `exp` (`iat + expires_in`) and `jti`, in that order.
fn rest_token(key: Hmac<Sha256>, api_key: &str, expires_in: u32, now_ms: f64, jti: &Jti) -> Result<String> {
    let iat = crate::claims::issued_at(now_ms)?;
    if expires_in == 0 || i64::from(expires_in) > crate::limits::MAX_LIFETIME_SECONDS {
        return Err(fail(ErrorReason::ExpiresIn));
    }
    let mut json = Vec::with_capacity(128 + api_key.len());
    json.extend_from_slice(b"{\"iss\":");
    push_json_string(&mut json, api_key);
    json.extend_from_slice(b",\"ist\":\"project\",\"iat\":");
    push_int(&mut json, iat);
    json.extend_from_slice(b",\"exp\":");
    push_int(&mut json, iat + i64::from(expires_in));
    json.extend_from_slice(b",\"jti\":\"");
    json.extend_from_slice(jti.as_str().as_bytes());
    json.extend_from_slice(b"\"}");
    Ok(ascii_string(jwt::sign(key, &json)))
}

impl TokenGenerator {
    /// The project's REST API JWT (for the `X-OPENTOK-AUTH` header) for a given clock reading
    /// and `jti`, valid `expires_in` seconds (1 to 2592000; opentok uses
    /// [`DEFAULT_REST_TOKEN_SECONDS`]).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidClock`] or [`ErrorCode::InvalidExpireTime`].
    pub fn generate_rest_token_at(&self, expires_in: u32, now_ms: f64, jti: &Jti) -> Result<String> {
        rest_token(self.hs256.clone(), &self.api_key, expires_in, now_ms, jti)
    }

    /// [`Self::generate_rest_token_at`] with the system clock and a random `jti`.
    ///
    /// # Errors
    /// As [`Self::generate_rest_token_at`], or [`ErrorCode::NoRandomness`].
    #[cfg(feature = "std")]
    pub fn generate_rest_token(&self, expires_in: u32) -> Result<String> {
        let jti = Jti::random()?;
        self.generate_rest_token_at(expires_in, crate::host::now_ms(), &jti)
    }
}

/// The project's REST API JWT for a given clock reading and `jti` (see
/// [`TokenGenerator::generate_rest_token_at`]). Checks in order: the credentials, `now_ms`,
/// `expires_in`.
///
/// # Errors
/// [`ErrorCode::InvalidApiKey`], [`ErrorCode::InvalidApiSecret`], [`ErrorCode::InvalidClock`] or
/// [`ErrorCode::InvalidExpireTime`].
pub fn generate_rest_token_at(
    api_key: &str,
    api_secret: &str,
    expires_in: u32,
    now_ms: f64,
    jti: &Jti,
) -> Result<String> {
    check_credentials(api_key, api_secret)?;
    rest_token(keyed(api_secret)?, api_key, expires_in, now_ms, jti)
}

/// [`generate_rest_token_at`] with the system clock and a random `jti`.
///
/// # Errors
/// As [`generate_rest_token_at`], or [`ErrorCode::NoRandomness`].
#[cfg(feature = "std")]
pub fn generate_rest_token(api_key: &str, api_secret: &str, expires_in: u32) -> Result<String> {
    let jti = Jti::random()?;
    generate_rest_token_at(api_key, api_secret, expires_in, crate::host::now_ms(), &jti)
}

/// Mints one token with the system clock and a fresh random nonce.
///
/// Equivalent to `TokenGenerator::new(api_key, api_secret)?.generate_token(session_id, options)`,
/// but derives only the one key schedule the chosen format needs.
///
/// # Errors
/// Any [`ErrorCode`] about the arguments, or [`ErrorCode::NoRandomness`].
#[cfg(feature = "std")]
pub fn generate_token(api_key: &str, api_secret: &str, session_id: &str, options: &TokenOptions<'_>) -> Result<String> {
    // Randomness is drawn before any value is checked, in every API (a generator's credentials
    // are checked when it is made).
    let nonce = Nonce::random()?;
    generate_token_at(api_key, api_secret, session_id, options, crate::host::now_ms(), &nonce)
}

/// Mints one token for a given clock reading and nonce (see [`TokenGenerator::generate_token_at`]).
/// Checks the arguments in order: `api_key`, `api_secret`, `session_id`, `now_ms`, then the options.
///
/// ```
/// use vonage_video_token::{generate_token_at, Nonce, TokenOptions, TokenType};
/// let token = generate_token_at(
///     "123456",
///     "1234567890abcdef1234567890abcdef1234567890",
///     "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
///     &TokenOptions::new().token_type(TokenType::T1),
///     1_700_000_000_000.0,
///     &Nonce::new(0.3942609881050885)?,
/// )?;
/// assert!(token.starts_with("T1==cGFydG5lcl9pZD0xMjM0NTYmc2lnPTE4YjBjMGRk"));
/// # Ok::<(), vonage_video_token::Error>(())
/// ```
///
/// # Errors
/// Any [`ErrorCode`] about the arguments; [`ErrorCode::InvalidClock`] if `now_ms` is out of range.
pub fn generate_token_at(
    api_key: &str,
    api_secret: &str,
    session_id: &str,
    options: &TokenOptions<'_>,
    now_ms: f64,
    nonce: &Nonce,
) -> Result<String> {
    check_credentials(api_key, api_secret)?;
    check_owner(session_id, api_key)?;
    let claims = Claims { nonce: nonce.as_str(), ..Claims::new(session_id, options, now_ms)? };
    Ok(ascii_string(match options.token_type {
        TokenType::Jwt => jwt::encode(keyed(api_secret)?, api_key, &claims),
        TokenType::T1 => t1::encode(keyed(api_secret)?, api_key, &claims),
    }))
}
