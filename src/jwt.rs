//! The HS256 JWT format: header, claims in opentok-node's order, signature.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::base64::encode_url;
use crate::claims::Claims;
use crate::text::{push_int, push_js_number, push_json_string};

/// base64url of `{"alg":"HS256","typ":"JWT"}`, the header `jsonwebtoken` writes.
const HEADER: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

/// The claims as `JSON.stringify` writes opentok-node's claim object.
fn payload(api_key: &str, claims: &Claims<'_>) -> String {
    let extra = claims.session_id.len() + claims.connection_data.map_or(0, str::len) + claims.initial_layout_class_list.len();
    let mut json = String::with_capacity(300 + api_key.len() + extra + extra / 4);
    json.push_str("{\"iss\":");
    push_json_string(&mut json, api_key);
    json.push_str(",\"ist\":\"project\",\"iat\":");
    push_int(&mut json, claims.iat);
    json.push_str(",\"exp\":");
    push_int(&mut json, claims.exp);
    json.push_str(",\"session_id\":");
    push_json_string(&mut json, claims.session_id);
    json.push_str(",\"create_time\":");
    push_int(&mut json, claims.create_time);
    json.push_str(",\"nonce\":");
    push_js_number(&mut json, claims.nonce);
    json.push_str(",\"role\":\"");
    json.push_str(claims.role.as_str());
    json.push_str("\",\"expire_time\":");
    push_int(&mut json, claims.expire_time);
    if let Some(data) = claims.connection_data {
        json.push_str(",\"connection_data\":");
        push_json_string(&mut json, data);
    }
    json.push_str(",\"initial_layout_class_list\":");
    push_json_string(&mut json, claims.initial_layout_class_list);
    json.push_str(",\"scope\":\"session.connect\"}");
    json
}

/// Mints the JWT with `key`, an HMAC-SHA256 instance already keyed with the API secret.
pub(crate) fn encode(key: Hmac<Sha256>, api_key: &str, claims: &Claims<'_>) -> String {
    sign(key, &payload(api_key, claims))
}

/// Signs a JSON payload as an HS256 JWT with jsonwebtoken's header.
pub(crate) fn sign(key: Hmac<Sha256>, json: &str) -> String {
    let mut token = String::with_capacity(HEADER.len() + json.len().div_ceil(3) * 4 + 45);
    token.push_str(HEADER);
    token.push('.');
    encode_url(&mut token, json.as_bytes());
    let signature = key.chain_update(token.as_bytes()).finalize().into_bytes();
    token.push('.');
    encode_url(&mut token, &signature);
    token
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_jsonwebtokens() {
        let mut header = String::new();
        encode_url(&mut header, br#"{"alg":"HS256","typ":"JWT"}"#);
        assert_eq!(header, HEADER);
    }
}
