//! Mint Vonage Video (OpenTok) client tokens: the string a browser passes to
//! `OT.initSession(apiKey, sessionId).connect(token)`.
//!
//! Tokens are byte-for-byte what the official `opentok` Node SDK (2.23.2) mints for the same
//! clock and nonce, in both formats: the default HS256 JWT and the legacy `T1==` token.
//! The crate does no I/O; signing is pure-Rust HMAC (`hmac`, `sha2`, `sha1`).
//! Compiled to WebAssembly it is the `vonage-video-token` npm package.
//!
//! ```
//! use vonage_video_token::{generate_token_at, Role, TokenOptions};
//! let token = generate_token_at(
//!     "123456",
//!     "1234567890abcdef1234567890abcdef1234567890",
//!     "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
//!     &TokenOptions::new().role(Role::Moderator),
//!     1_700_000_000_000.0, // clock, ms
//!     0.3942609881050885,  // nonce
//! )?;
//! assert!(token.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."));
//! # Ok::<(), vonage_video_token::Error>(())
//! ```
//!
//! With the system clock and OS randomness, use [`generate_token`] or, to mint many tokens
//! for one project, [`TokenGenerator::generate_token`].
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

mod base64;
mod claims;
mod error;
mod generator;
mod jwt;
mod options;
mod session_id;
mod t1;
mod text;
#[cfg(test)]
mod vectors;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use claims::{DEFAULT_LIFETIME_SECONDS, MAX_DATA_LENGTH, MAX_LAYOUT_CLASS_LIST_LENGTH, MAX_LIFETIME_SECONDS};
pub use error::{Error, ErrorCode};
#[cfg(feature = "std")]
pub use generator::{generate_token, random_nonce};
pub use generator::{generate_token_at, TokenGenerator};
pub use options::{Role, TokenOptions, TokenType};
pub use session_id::session_api_key;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
