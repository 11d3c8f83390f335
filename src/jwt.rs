//! The HS256 JWT format: header, claims in opentok-node's order, signature.

use alloc::vec::Vec;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::base64::encode_url;
use crate::claims::Claims;
use crate::text::{push_int, push_json_string};

/// base64url of `{"alg":"HS256","typ":"JWT"}`, the header `jsonwebtoken` writes.
const HEADER: &[u8] = b"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

/// The claims as `JSON.stringify` writes opentok-node's claim object.
fn payload(api_key: &str, claims: &Claims<'_>) -> Vec<u8> {
    let extra = claims.text_len();
    let mut json = Vec::with_capacity(300 + api_key.len() + extra + extra / 4);
    json.extend_from_slice(b"{\"iss\":");
    push_json_string(&mut json, api_key);
    json.extend_from_slice(b",\"ist\":\"project\",\"iat\":");
    push_int(&mut json, claims.iat);
    json.extend_from_slice(b",\"exp\":");
    push_int(&mut json, claims.exp);
    json.extend_from_slice(b",\"session_id\":");
    push_json_string(&mut json, claims.session_id);
    json.extend_from_slice(b",\"create_time\":");
    push_int(&mut json, claims.create_time);
    json.extend_from_slice(b",\"nonce\":");
    json.extend_from_slice(claims.nonce.as_bytes());
    json.extend_from_slice(b",\"role\":\"");
    json.extend_from_slice(claims.role.as_str().as_bytes());
    json.extend_from_slice(b"\",\"expire_time\":");
    push_int(&mut json, claims.expire_time);
    if let Some(data) = claims.connection_data {
        json.extend_from_slice(b",\"connection_data\":");
        push_json_string(&mut json, data);
    }
    json.extend_from_slice(b",\"initial_layout_class_list\":");
    push_json_string(&mut json, claims.initial_layout_class_list);
    json.extend_from_slice(b",\"scope\":\"session.connect\"}");
    json
}

/// Mints the JWT (ASCII bytes) with `key`, an HMAC-SHA256 instance already keyed with the API secret.
pub(crate) fn encode(key: Hmac<Sha256>, api_key: &str, claims: &Claims<'_>) -> Vec<u8> {
    sign(key, &payload(api_key, claims))
}

/// Signs a JSON payload as an HS256 JWT with jsonwebtoken's header.
pub(crate) fn sign(key: Hmac<Sha256>, json: &[u8]) -> Vec<u8> {
    let mut token = Vec::with_capacity(HEADER.len() + json.len().div_ceil(3) * 4 + 45);
    token.extend_from_slice(HEADER);
    token.push(b'.');
    encode_url(&mut token, json);
    let signature = key.chain_update(&token).finalize().into_bytes();
    token.push(b'.');
    encode_url(&mut token, &signature);
    token
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_jsonwebtokens() {
        let mut header = Vec::new();
        encode_url(&mut header, br#"{"alg":"HS256","typ":"JWT"}"#);
        assert_eq!(header, HEADER);
    }
}
