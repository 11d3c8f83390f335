//! The JavaScript boundary. The hand-written JS layer (`pkg-template/src/api.js`) checks value
//! types, reads the options object and the clock, and calls these with plain values; errors cross
//! as a thrown string `"<CODE>\n<message>"` that the JS layer turns into a `TokenError`.
#![allow(unsafe_code)] // wasm-bindgen's generated glue

use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

use crate::error::{Error, ErrorCode};
use crate::generator::{generate_token_at, random_nonce, TokenGenerator};
use crate::options::{Role, TokenOptions, TokenType};

fn wire(error: Error) -> JsValue {
    let code = error.code().as_str();
    let mut text = String::with_capacity(code.len() + 1 + error.message().len());
    text.push_str(code);
    text.push('\n');
    text.push_str(error.message());
    JsValue::from_str(&text)
}

fn options(role: u8, expire_time: Option<f64>, data: Option<String>, layout: Option<String>, token_type: u8) -> Result<TokenOptions, Error> {
    let role = match role {
        0 => Role::Publisher,
        1 => Role::Subscriber,
        2 => Role::Moderator,
        3 => Role::PublisherOnly,
        _ => return Err(Error::new(ErrorCode::InvalidRole, "role is not one of the four roles")),
    };
    let token_type = match token_type {
        0 => TokenType::Jwt,
        1 => TokenType::T1,
        _ => return Err(Error::new(ErrorCode::InvalidTokenType, "tokenType must be 'JWT' or 'T1'")),
    };
    let mut options = TokenOptions::new().role(role).token_type(token_type);
    options.expire_time = expire_time;
    options.data = data;
    options.initial_layout_class_list = layout;
    Ok(options)
}

fn nonce_or_random(nonce: Option<f64>) -> Result<f64, Error> {
    nonce.map_or_else(random_nonce, Ok)
}

/// One-shot minting. `role`: 0 publisher, 1 subscriber, 2 moderator, 3 publisheronly;
/// `token_type`: 0 JWT, 1 T1; `nonce`: `undefined` draws one from `crypto.getRandomValues`.
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
    nonce: Option<f64>,
) -> Result<String, JsValue> {
    let api_secret = Zeroizing::new(api_secret);
    let options = options(role, expire_time, data, layout, token_type).map_err(wire)?;
    let nonce = nonce_or_random(nonce).map_err(wire)?;
    generate_token_at(api_key, &api_secret, session_id, &options, now_ms, nonce).map_err(wire)
}

/// A [`TokenGenerator`] owned by JavaScript; `free()` drops it, which zeroes the key material.
#[wasm_bindgen]
pub struct Generator(TokenGenerator);

#[wasm_bindgen]
impl Generator {
    /// Validates the credentials and derives the signing keys; the wasm copy of the secret is
    /// zeroed before returning.
    #[wasm_bindgen(constructor)]
    pub fn new(api_key: &str, api_secret: String) -> Result<Generator, JsValue> {
        let api_secret = Zeroizing::new(api_secret);
        TokenGenerator::new(api_key, &api_secret).map(Generator).map_err(wire)
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
        nonce: Option<f64>,
    ) -> Result<String, JsValue> {
        let options = options(role, expire_time, data, layout, token_type).map_err(wire)?;
        let nonce = nonce_or_random(nonce).map_err(wire)?;
        self.0.generate_token_at(session_id, &options, now_ms, nonce).map_err(wire)
    }
}
