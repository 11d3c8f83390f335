//! Exports for project credentials: one-shot tokens, generators, REST API tokens.

use alloc::boxed::Box;
use vonage_video_token::{generate_token_at, Error, ErrorReason, Nonce, TokenGenerator};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{answer, code, options, slot_text, state, texts, SECRET};

/// Mints one token. The secret slot holds `secret_len` bytes; the text slot holds `text_len`
/// bytes: the API key, session id, data and layout classes (`*_units` UTF-16 code units each),
/// then the nonce. `role` and `token_type` index `Role::ALL` and `TokenType::ALL`;
/// `has_expire` is 0 when no expire time was given.
#[wasm_bindgen]
pub fn mint(
    secret_len: u32,
    text_len: u32,
    key_units: u32,
    session_units: u32,
    data_units: u32,
    layout_units: u32,
    role: u32,
    has_expire: u32,
    expire: f64,
    token_type: u32,
    now_ms: f64,
) -> i32 {
    let token = texts(text_len, [key_units, session_units, data_units, layout_units]).and_then(
        |([api_key, session_id, data, layout], nonce)| {
            let options = options(data, layout, role, has_expire, expire, token_type)?;
            let nonce = Nonce::from_js_text(nonce)?;
            let secret = slot_text(SECRET, secret_len, ErrorReason::ApiSecret)?;
            generate_token_at(api_key, secret, session_id, &options, now_ms, &nonce)
        },
    );
    answer(&token, |token| [token.as_bytes()])
}

/// Creates a generator from the secret slot and the API key at the start of the text slot
/// (`key_units` UTF-16 code units, `text_len` bytes): answers its handle (≥ 0) or an error code.
#[wasm_bindgen]
pub fn generator_new(secret_len: u32, text_len: u32, key_units: u32) -> i32 {
    let created = texts(text_len, [key_units]).and_then(|([api_key], _)| {
        let secret = slot_text(SECRET, secret_len, ErrorReason::ApiSecret)?;
        // Boxed as it is made, so the key schedules never move.
        TokenGenerator::new(api_key, secret).map(Box::new)
    });
    match created {
        Ok(generator) => {
            let generators = &mut state().generators;
            if let Some(index) = generators.iter().position(Option::is_none) {
                if let Some(slot) = generators.get_mut(index) {
                    *slot = Some(generator);
                }
                index as i32
            } else {
                generators.push(Some(generator));
                generators.len() as i32 - 1
            }
        }
        Err(error) => code(error),
    }
}

/// Mints one token with generator `handle`; the text slot holds the session id, data and layout
/// classes and the nonce; the other arguments are as for [`mint`].
#[wasm_bindgen]
pub fn generator_mint(
    handle: u32,
    text_len: u32,
    session_units: u32,
    data_units: u32,
    layout_units: u32,
    role: u32,
    has_expire: u32,
    expire: f64,
    token_type: u32,
    now_ms: f64,
) -> i32 {
    let Some(Some(generator)) = state().generators.get(handle as usize) else {
        // The JS layer never passes a freed handle; answer as for a missing secret.
        return code(Error::from(ErrorReason::ApiSecret));
    };
    let token =
        texts(text_len, [session_units, data_units, layout_units]).and_then(|([session_id, data, layout], nonce)| {
            let options = options(data, layout, role, has_expire, expire, token_type)?;
            generator.generate_token_at(session_id, &options, now_ms, &Nonce::from_js_text(nonce)?)
        });
    answer(&token, |token| [token.as_bytes()])
}

/// Drops generator `handle`, which zeroes its key schedules.
#[wasm_bindgen]
pub fn generator_free(handle: u32) {
    if let Some(slot) = state().generators.get_mut(handle as usize) {
        *slot = None;
    }
}
