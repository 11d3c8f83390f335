//! Exports for reading tokens back: decoding, verifying HS256 and T1 tokens with the secret,
//! checking the claims of an RS256 token the JavaScript layer verified, reading a public key.

use vonage_video_token::{
    decode_token, verify_token_at, Algorithm, DecodedToken, Error, ErrorReason, Role, RsaPublicKey, VerifyOptions,
};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{answer, slot_text, texts, SECRET};

/// The answer for a token: `[format, algorithm]` (format 0 JWT, 1 T1; algorithm 0 HS256,
/// 1 RS256, 2 T1's HMAC-SHA1, 3 other), the header JSON, the claims JSON, the signing input and
/// the signature.
fn decoded(result: &Result<DecodedToken, Error>) -> i32 {
    answer(result, |token| {
        // A T1 token is always HMAC-SHA1, so the algorithm decides the format too.
        let meta: &[u8] = match token.algorithm() {
            Algorithm::Hs256 => &[0, 0],
            Algorithm::Rs256 => &[0, 1],
            Algorithm::T1HmacSha1 => &[1, 2],
            _ => &[0, 3],
        };
        [
            meta,
            token.header_json().unwrap_or_default().as_bytes(),
            token.claims_json().as_bytes(),
            token.signing_input().as_bytes(),
            token.signature(),
        ]
    })
}

/// Decodes the token in the text slot (`text_len` bytes) without verifying it.
#[wasm_bindgen]
pub fn decode(text_len: u32) -> i32 {
    decoded(&texts(text_len, []).and_then(|(_, token)| decode_token(token)))
}

/// The checks besides the signature: the text slot's session id (none when empty), the role
/// (an index of `Role::ALL`, or any other number for none) and the clock tolerance.
fn verify_options(session_id: &str, role: u32, tolerance: u32) -> VerifyOptions<'_> {
    let mut options = VerifyOptions::new().clock_tolerance(tolerance);
    if !session_id.is_empty() {
        options = options.session_id(session_id);
    }
    if let Some(&role) = Role::ALL.get(role as usize) {
        options = options.role(role);
    }
    options
}

/// Verifies the token in the text slot (`token_units` UTF-16 code units, then the expected
/// session id) with the secret in the secret slot.
#[wasm_bindgen]
pub fn verify_secret(secret_len: u32, text_len: u32, token_units: u32, role: u32, tolerance: u32, now_ms: f64) -> i32 {
    decoded(&texts(text_len, [token_units]).and_then(|([token], session_id)| {
        let secret = slot_text(SECRET, secret_len, ErrorReason::ApiSecret)?;
        verify_token_at(token, secret, &verify_options(session_id, role, tolerance), now_ms)
    }))
}

/// Checks the expiry and expectations of the token in the text slot, whose RS256 signature the
/// JavaScript layer has verified.
#[wasm_bindgen]
pub fn check_claims(text_len: u32, token_units: u32, role: u32, tolerance: u32, now_ms: f64) -> i32 {
    decoded(&texts(text_len, [token_units]).and_then(|([token], session_id)| {
        let token = decode_token(token)?;
        token.check_claims_at(&verify_options(session_id, role, tolerance), now_ms)?;
        Ok(token)
    }))
}

/// Reads the PEM key in the secret slot: answers its public key as SubjectPublicKeyInfo DER.
#[wasm_bindgen]
pub fn public_key(secret_len: u32) -> i32 {
    let key = slot_text(SECRET, secret_len, ErrorReason::PublicKey).and_then(RsaPublicKey::from_pem);
    answer(&key, |k| [k.spki_der()])
}
