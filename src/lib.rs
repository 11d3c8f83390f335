//! Mint Vonage Video (OpenTok) client tokens: the string a browser passes to
//! `OT.initSession(apiKey, sessionId).connect(token)`.
//!
//! Tokens are byte-for-byte what the official `opentok` Node SDK (2.23.2) mints for the same
//! clock and nonce, in both formats: the default HS256 JWT and the legacy `T1==` token.
//! The crate does no I/O; signing is pure-Rust HMAC (`hmac`, `sha2`, `sha1`). It is `no_std`
//! (with `alloc`) without its default `std` feature.
//!
//! ```
//! use vonage_video_token::{generate_token_at, Nonce, Role, TokenOptions};
//! let token = generate_token_at(
//!     "123456",
//!     "1234567890abcdef1234567890abcdef1234567890",
//!     "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
//!     &TokenOptions::new().role(Role::Moderator),
//!     1_700_000_000_000.0,             // clock, ms
//!     &Nonce::new(0.3942609881050885)?, // nonce
//! )?;
//! assert!(token.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."));
//! # Ok::<(), vonage_video_token::Error>(())
//! ```
//!
//! With the clock and a secure random nonce read from the platform, use [`generate_token`] or,
//! to mint many tokens for one project, [`TokenGenerator::generate_token`] (feature `std`, on by
//! default). On `wasm32-unknown-unknown` the `std` feature reads both from the JavaScript host
//! (`Date.now()` through `js-sys`, `crypto.getRandomValues` through `getrandom`); without it,
//! the crate needs neither and `generate_token_at` takes the clock and nonce as arguments.
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

extern crate alloc;

mod application;
mod base64;
mod claims;
mod decode;
mod error;
#[cfg(test)]
mod generated;
#[cfg(feature = "std")]
mod host;
mod json;
mod jwt;
mod limits;
mod nonce;
mod options;
mod project;
mod rsa_key;
mod session_id;
mod t1;
mod text;
mod uuid;
#[cfg(test)]
mod vectors;
pub mod video;

pub use application::{
    application_jwt_at, client_token_at, ApplicationCredentials, ApplicationJwtOptions, UnsignedToken,
    DEFAULT_APPLICATION_JWT_SECONDS,
};
#[cfg(feature = "std")]
pub use decode::verify_token;
pub use decode::{decode_token, verify_token_at, Algorithm, DecodedToken, TokenClaims, TokenFormat, VerifyOptions};
pub use error::{Error, ErrorCode, ErrorReason};
pub use limits::{
    DEFAULT_LIFETIME_SECONDS, MAX_ACL_LENGTH, MAX_API_KEY_LENGTH, MAX_API_SECRET_LENGTH, MAX_APPLICATION_ID_LENGTH,
    MAX_DATA_LENGTH, MAX_KEY_PEM_LENGTH, MAX_LAYOUT_CLASS_LIST_LENGTH, MAX_LIFETIME_SECONDS, MAX_SESSION_ID_LENGTH,
    MAX_SUBJECT_LENGTH, MAX_TOKEN_LENGTH,
};
pub use nonce::Nonce;
pub use options::{Role, TokenOptions, TokenType};
#[cfg(feature = "std")]
pub use project::{generate_rest_token, generate_token};
pub use project::{generate_rest_token_at, generate_token_at, TokenGenerator, DEFAULT_REST_TOKEN_SECONDS};
pub use rsa_key::{RsaPrivateKey, RsaPublicKey, MAX_RSA_BITS, MIN_RSA_BITS};
pub use session_id::session_api_key;
pub use uuid::Jti;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
