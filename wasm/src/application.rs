//! Exports for application credentials (checking a key, and the signing inputs of client tokens
//! and application JWTs: the JavaScript layer signs them with WebCrypto) and for a project's
//! REST API token.

use vonage_video_token::{
    application_jwt_at, client_token_at, generate_rest_token_at, ApplicationCredentials, ApplicationJwtOptions,
    ErrorReason,
};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{answer, jti, options, slot_text, texts, SECRET};

/// A lifetime from JavaScript as whole seconds; a fraction or a value out of range becomes 0,
/// which the core rejects as out of range.
#[allow(clippy::float_cmp)] // exactness is the point: 1.5 seconds is not a whole number
fn whole_seconds(seconds: f64) -> u32 {
    let whole = seconds as u32;
    if (1.0..=f64::from(u32::MAX)).contains(&seconds) && f64::from(whole) == seconds {
        whole
    } else {
        0
    }
}

/// Checks the application id (the text slot, `app_units` UTF-16 code units) and the PEM private
/// key (the secret slot): answers the key as PKCS#8 DER, for WebCrypto's `importKey`.
#[wasm_bindgen]
pub fn application_key(secret_len: u32, text_len: u32, app_units: u32) -> i32 {
    let credentials = texts(text_len, [app_units]).and_then(|([application_id], _)| {
        let pem = slot_text(SECRET, secret_len, ErrorReason::PrivateKey)?;
        ApplicationCredentials::new(application_id, pem)
    });
    answer(&credentials, |c| [c.private_key().pkcs8_der()])
}

/// The signing input of a client token: the text slot holds the application id, session id,
/// data and layout classes (`*_units` UTF-16 code units each); the other arguments are as for a
/// project token's, and the `jti` is made of four random words.
#[wasm_bindgen]
pub fn client_token(
    text_len: u32,
    app_units: u32,
    session_units: u32,
    data_units: u32,
    layout_units: u32,
    role: u32,
    has_expire: u32,
    expire: f64,
    token_type: u32,
    now_ms: f64,
    jti0: u32,
    jti1: u32,
    jti2: u32,
    jti3: u32,
) -> i32 {
    let unsigned = texts(text_len, [app_units, session_units, data_units, layout_units]).and_then(
        |([application_id, session_id, data, layout], _)| {
            let options = options(data, layout, role, has_expire, expire, token_type)?;
            client_token_at(application_id, session_id, &options, now_ms, &jti([jti0, jti1, jti2, jti3]))
        },
    );
    answer(&unsigned, |u| [u.signing_input().as_bytes()])
}

/// The signing input of an application JWT: the text slot holds the application id, the `acl`
/// JSON and the `sub` (`*_units` UTF-16 code units each; an empty one is left out).
#[wasm_bindgen]
pub fn application_jwt(
    text_len: u32,
    app_units: u32,
    acl_units: u32,
    sub_units: u32,
    expires_in: f64,
    now_ms: f64,
    jti0: u32,
    jti1: u32,
    jti2: u32,
    jti3: u32,
) -> i32 {
    let unsigned = texts(text_len, [app_units, acl_units, sub_units]).and_then(|([application_id, acl, sub], _)| {
        let mut options = ApplicationJwtOptions::new().expires_in(whole_seconds(expires_in));
        if !acl.is_empty() {
            options = options.acl(acl);
        }
        if !sub.is_empty() {
            options = options.subject(sub);
        }
        application_jwt_at(application_id, &options, now_ms, &jti([jti0, jti1, jti2, jti3]))
    });
    answer(&unsigned, |u| [u.signing_input().as_bytes()])
}

/// A project's REST API token: the secret slot holds the secret, the text slot the API key
/// (`key_units` UTF-16 code units); the `jti` is made of four random words.
#[wasm_bindgen]
pub fn rest_token(
    secret_len: u32,
    text_len: u32,
    key_units: u32,
    expires_in: f64,
    now_ms: f64,
    jti0: u32,
    jti1: u32,
    jti2: u32,
    jti3: u32,
) -> i32 {
    let token = texts(text_len, [key_units]).and_then(|([api_key], _)| {
        let secret = slot_text(SECRET, secret_len, ErrorReason::ApiSecret)?;
        generate_rest_token_at(api_key, secret, whole_seconds(expires_in), now_ms, &jti([jti0, jti1, jti2, jti3]))
    });
    answer(&token, |token| [token.as_bytes()])
}
