//! Key handling and the public minting entry points.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;
use hmac::{Hmac, KeyInit};
use sha1::Sha1;
use sha2::Sha256;

use crate::claims::{check_nonce, Claims};
#[cfg(doc)]
use crate::error::ErrorCode;
use crate::error::{Error, Reason};
use crate::options::{TokenOptions, TokenType};
use crate::session_id::check_owner;
use crate::text::js_number;
use crate::{jwt, t1};

const INVALID_API_KEY: Error = Error::new(Reason::ApiKey);
const INVALID_API_SECRET: Error = Error::new(Reason::ApiSecret);

fn check_api_key(api_key: &str) -> Result<(), Error> {
    if !api_key.is_empty() && api_key.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(INVALID_API_KEY)
    }
}

fn check_api_secret(api_secret: &str) -> Result<(), Error> {
    if api_secret.is_empty() {
        Err(INVALID_API_SECRET)
    } else {
        Ok(())
    }
}

/// Tokens are ASCII (base64 symbols, `.`, `=`), so the conversion never falls back.
fn ascii_string(token: Vec<u8>) -> String {
    String::from_utf8(token).unwrap_or_default()
}

fn keyed<M: KeyInit>(api_secret: &str) -> Result<M, Error> {
    M::new_from_slice(api_secret.as_bytes()).map_err(|_| INVALID_API_SECRET)
}

/// A 53-bit uniformly random float in `[0, 1)` from the operating system's CSPRNG, the shape of
/// opentok-node's `Math.random()` nonce.
///
/// # Errors
/// [`ErrorCode::NoRandomness`] when the platform has no secure random source.
#[cfg(feature = "std")]
pub fn random_nonce() -> Result<f64, Error> {
    let bits = getrandom::u64().map_err(|_| Error::new(Reason::NoRandomness))?;
    Ok((bits >> 11) as f64 / 9_007_199_254_740_992.0)
}

/// Milliseconds since the Unix epoch from the system clock.
#[cfg(feature = "std")]
fn system_now_ms() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |elapsed| elapsed.as_millis() as f64)
}

/// Mints tokens for one project: holds the API key and the HMAC key schedules derived from the
/// secret, computed once. The key material is zeroed when the generator is dropped.
///
/// It deliberately implements neither `Debug` nor `Clone`, so the key cannot leak into logs or copies.
///
/// ```
/// use vonage_video_token::{TokenGenerator, TokenOptions};
/// let generator = TokenGenerator::new("123456", "1234567890abcdef1234567890abcdef1234567890")?;
/// let token = generator.generate_token_at(
///     "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
///     &TokenOptions::new(),
///     1_700_000_000_000.0,
///     0.3942609881050885,
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
    /// [`ErrorCode::InvalidApiKey`] unless `api_key` is a non-empty string of ASCII digits;
    /// [`ErrorCode::InvalidApiSecret`] if `api_secret` is empty.
    pub fn new(api_key: &str, api_secret: &str) -> Result<Self, Error> {
        check_api_key(api_key)?;
        check_api_secret(api_secret)?;
        Ok(Self { api_key: api_key.to_owned(), hs256: keyed(api_secret)?, sha1: keyed(api_secret)? })
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
    pub fn generate_token(&self, session_id: &str, options: &TokenOptions) -> Result<String, Error> {
        self.generate_token_at(session_id, options, system_now_ms(), random_nonce()?)
    }

    /// Mints a token for a given clock reading (`now_ms`, milliseconds since the epoch, like JS
    /// `Date.now()`) and nonce (in `[0, 1)`): the same inputs give the same bytes as
    /// `opentok@2.23.2` with that clock and `Math.random()` value.
    ///
    /// # Errors
    /// Any [`ErrorCode`] about the session id or the options; [`ErrorCode::InvalidOptions`] if
    /// `now_ms` or `nonce` is out of range.
    pub fn generate_token_at(
        &self,
        session_id: &str,
        options: &TokenOptions,
        now_ms: f64,
        nonce: f64,
    ) -> Result<String, Error> {
        check_nonce(nonce)?;
        self.mint(session_id, options, now_ms, js_number(&mut ryu_js::Buffer::new(), nonce)).map(ascii_string)
    }

    /// As [`Self::generate_token_at`], with the nonce already written as JS writes it; the
    /// token's ASCII bytes.
    pub(crate) fn mint(
        &self,
        session_id: &str,
        options: &TokenOptions,
        now_ms: f64,
        nonce: &str,
    ) -> Result<Vec<u8>, Error> {
        check_owner(session_id, &self.api_key)?;
        let claims = Claims::new(session_id, options, now_ms, nonce)?;
        Ok(match options.token_type {
            TokenType::Jwt => jwt::encode(self.hs256.clone(), &self.api_key, &claims),
            TokenType::T1 => t1::encode(self.sha1.clone(), &self.api_key, &claims),
        })
    }
}

/// Mints one token with the system clock and a fresh random nonce.
///
/// Equivalent to `TokenGenerator::new(api_key, api_secret)?.generate_token(session_id, options)`,
/// but derives only the one key schedule the chosen format needs.
///
/// # Errors
/// Any [`ErrorCode`] about the arguments, or [`ErrorCode::NoRandomness`].
#[cfg(feature = "std")]
pub fn generate_token(
    api_key: &str,
    api_secret: &str,
    session_id: &str,
    options: &TokenOptions,
) -> Result<String, Error> {
    generate_token_at(api_key, api_secret, session_id, options, system_now_ms(), random_nonce()?)
}

/// Mints one token for a given clock reading and nonce (see [`TokenGenerator::generate_token_at`]).
///
/// ```
/// use vonage_video_token::{generate_token_at, TokenOptions, TokenType};
/// let token = generate_token_at(
///     "123456",
///     "1234567890abcdef1234567890abcdef1234567890",
///     "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
///     &TokenOptions::new().token_type(TokenType::T1),
///     1_700_000_000_000.0,
///     0.3942609881050885,
/// )?;
/// assert!(token.starts_with("T1==cGFydG5lcl9pZD0xMjM0NTYmc2lnPTE4YjBjMGRk"));
/// # Ok::<(), vonage_video_token::Error>(())
/// ```
///
/// # Errors
/// Any [`ErrorCode`] about the arguments; [`ErrorCode::InvalidOptions`] if `now_ms` or `nonce`
/// is out of range.
pub fn generate_token_at(
    api_key: &str,
    api_secret: &str,
    session_id: &str,
    options: &TokenOptions,
    now_ms: f64,
    nonce: f64,
) -> Result<String, Error> {
    // Same order of checks as `TokenGenerator::new` followed by its `generate_token_at`.
    check_api_key(api_key)?;
    check_api_secret(api_secret)?;
    check_nonce(nonce)?;
    mint_checked(api_key, api_secret, session_id, options, now_ms, js_number(&mut ryu_js::Buffer::new(), nonce))
        .map(ascii_string)
}

/// As [`generate_token_at`], with the nonce already written as JS writes it; the token's ASCII bytes.
/// (The WebAssembly boundary's entry point: its JS layer formats the nonce.)
#[cfg(target_arch = "wasm32")]
pub(crate) fn mint(
    api_key: &str,
    api_secret: &str,
    session_id: &str,
    options: &TokenOptions,
    now_ms: f64,
    nonce: &str,
) -> Result<Vec<u8>, Error> {
    check_api_key(api_key)?;
    check_api_secret(api_secret)?;
    mint_checked(api_key, api_secret, session_id, options, now_ms, nonce)
}

/// Mints once the credentials have been checked.
fn mint_checked(
    api_key: &str,
    api_secret: &str,
    session_id: &str,
    options: &TokenOptions,
    now_ms: f64,
    nonce: &str,
) -> Result<Vec<u8>, Error> {
    check_owner(session_id, api_key)?;
    let claims = Claims::new(session_id, options, now_ms, nonce)?;
    Ok(match options.token_type {
        TokenType::Jwt => jwt::encode(keyed(api_secret)?, api_key, &claims),
        TokenType::T1 => t1::encode(keyed(api_secret)?, api_key, &claims),
    })
}
