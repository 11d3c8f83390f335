//! The legacy `T1==` format: a Node querystring signed with HMAC-SHA1, in standard base64.

use hmac::{Hmac, Mac};
use sha1::Sha1;

use crate::base64::encode_standard;
use crate::claims::Claims;
use crate::text::{push_hex, push_int, push_js_number, push_querystring_escaped};

/// The signed data string, fields in opentok-node's order.
fn data_string(claims: &Claims<'_>) -> String {
    let extra = claims.session_id.len() + claims.connection_data.map_or(0, str::len) + claims.initial_layout_class_list.len();
    let mut data = String::with_capacity(200 + extra * 3);
    data.push_str("session_id=");
    push_querystring_escaped(&mut data, claims.session_id);
    data.push_str("&create_time=");
    push_int(&mut data, claims.create_time);
    data.push_str("&nonce=");
    push_js_number(&mut data, claims.nonce);
    data.push_str("&role=");
    data.push_str(claims.role.as_str());
    data.push_str("&expire_time=");
    push_int(&mut data, claims.expire_time);
    if let Some(connection_data) = claims.connection_data {
        data.push_str("&connection_data=");
        push_querystring_escaped(&mut data, connection_data);
    }
    data.push_str("&initial_layout_class_list=");
    push_querystring_escaped(&mut data, claims.initial_layout_class_list);
    data.push_str("&scope=session.connect");
    data
}

/// Mints the T1 token with `key`, an HMAC-SHA1 instance already keyed with the API secret.
pub(crate) fn encode(key: Hmac<Sha1>, api_key: &str, claims: &Claims<'_>) -> String {
    envelope(key, api_key, &data_string(claims))
}

/// Wraps a signed data string: `"T1==" + base64("partner_id=…&sig=<hex HMAC-SHA1>:" + data)`.
pub(crate) fn envelope(key: Hmac<Sha1>, api_key: &str, data: &str) -> String {
    let signature = key.chain_update(data.as_bytes()).finalize().into_bytes();
    let mut plain = String::with_capacity(api_key.len() + data.len() + 60);
    plain.push_str("partner_id=");
    plain.push_str(api_key);
    plain.push_str("&sig=");
    push_hex(&mut plain, &signature);
    plain.push(':');
    plain.push_str(data);
    let mut token = String::with_capacity(4 + plain.len().div_ceil(3) * 4);
    token.push_str("T1==");
    encode_standard(&mut token, plain.as_bytes());
    token
}
