//! The JavaScript boundary. The hand-written JS layer (`pkg-template/lib/api.js`) checks value
//! types, reads the options object, the clock and `crypto.getRandomValues`, formats the nonce with
//! JS's own number-to-string, and calls these with plain values. Results cross as bytes: the
//! token, or `"\0<CODE>"`, which the JS layer turns into a `TokenError` with its own message
//! (the Rust messages stay out of the module, which keeps it inside its size budget).
#![allow(unsafe_code)] // wasm-bindgen's generated glue and the allocator below

use alloc::string::String;
use alloc::vec::Vec;
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

use crate::error::{Error, Reason};
use crate::generator::{mint as mint_token, TokenGenerator};
use crate::options::{Role, TokenOptions, TokenType};

/// A free-list allocator of about 1 KB instead of std's dlmalloc: minting needs a few short-lived buffers.
#[global_allocator]
// SAFETY: wasm32 without the `atomics` target feature runs exactly one thread.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(not(feature = "std"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

fn wire(result: Result<Vec<u8>, Error>) -> Vec<u8> {
    match result {
        Ok(token) => token,
        Err(error) => {
            let code = error.code().as_str();
            let mut bytes = Vec::with_capacity(1 + code.len());
            bytes.push(0);
            bytes.extend_from_slice(code.as_bytes());
            bytes
        }
    }
}

fn options(
    role: u8,
    expire_time: Option<f64>,
    data: Option<String>,
    layout: Option<String>,
    token_type: u8,
) -> Result<TokenOptions, Error> {
    let role = match role {
        0 => Role::Publisher,
        1 => Role::Subscriber,
        2 => Role::Moderator,
        3 => Role::PublisherOnly,
        _ => return Err(Error::new(Reason::Role)),
    };
    let token_type = match token_type {
        0 => TokenType::Jwt,
        1 => TokenType::T1,
        _ => return Err(Error::new(Reason::TokenType)),
    };
    let mut options = TokenOptions::new().role(role).token_type(token_type);
    options.expire_time = expire_time;
    options.data = data;
    options.initial_layout_class_list = layout;
    Ok(options)
}

/// One-shot minting. `role`: 0 publisher, 1 subscriber, 2 moderator, 3 publisheronly;
/// `token_type`: 0 JWT, 1 T1; `nonce`: the nonce as JS's `String(number)` writes it.
/// The wasm copy of the secret is zeroed before returning.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn mint(
    api_key: &str,
    api_secret: String,
    session_id: &str,
    role: u8,
    expire_time: Option<f64>,
    data: Option<String>,
    layout: Option<String>,
    token_type: u8,
    now_ms: f64,
    nonce: &str,
) -> Vec<u8> {
    let api_secret = Zeroizing::new(api_secret);
    wire(
        options(role, expire_time, data, layout, token_type)
            .and_then(|options| mint_token(api_key, &api_secret, session_id, &options, now_ms, nonce)),
    )
}

/// A [`TokenGenerator`] owned by JavaScript; `free()` drops it, which zeroes the key material.
/// Construction cannot throw: a credential error is kept and reported by [`Generator::error`].
#[wasm_bindgen]
pub struct Generator(Result<TokenGenerator, Error>);

#[wasm_bindgen]
impl Generator {
    /// Validates the credentials and derives the signing keys; the wasm copy of the secret is
    /// zeroed before returning.
    #[wasm_bindgen(constructor)]
    pub fn new(api_key: &str, api_secret: String) -> Generator {
        let api_secret = Zeroizing::new(api_secret);
        Generator(TokenGenerator::new(api_key, &api_secret))
    }

    /// Empty if the credentials were valid, else the coded error.
    pub fn error(&self) -> Vec<u8> {
        match &self.0 {
            Ok(_) => Vec::new(),
            Err(error) => wire(Err(*error)),
        }
    }

    /// Mints one token; the arguments are as for [`mint`].
    #[allow(clippy::too_many_arguments)]
    pub fn mint(
        &self,
        session_id: &str,
        role: u8,
        expire_time: Option<f64>,
        data: Option<String>,
        layout: Option<String>,
        token_type: u8,
        now_ms: f64,
        nonce: &str,
    ) -> Vec<u8> {
        wire(self.0.as_ref().map_err(|error| *error).and_then(|generator| {
            options(role, expire_time, data, layout, token_type)
                .and_then(|options| generator.mint(session_id, &options, now_ms, nonce))
        }))
    }
}

/// Size of the module's linear memory in bytes (test-only: lets tests prove it stops growing).
#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size::<0>() * 65536) as f64
}
