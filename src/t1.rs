//! The legacy `T1==` format: a Node querystring signed with HMAC-SHA1, in standard base64.

use alloc::vec::Vec;
use hmac::{Hmac, Mac};
use sha1::Sha1;

use crate::base64::encode_standard;
use crate::claims::Claims;
use crate::text::{push_hex, push_int, push_querystring_escaped};

/// The signed data string, fields in opentok-node's order.
fn data_string(claims: &Claims<'_>) -> Vec<u8> {
    let extra = claims.text_len();
    let mut data = Vec::with_capacity(200 + extra * 3);
    data.extend_from_slice(b"session_id=");
    push_querystring_escaped(&mut data, claims.session_id);
    data.extend_from_slice(b"&create_time=");
    push_int(&mut data, claims.create_time);
    data.extend_from_slice(b"&nonce=");
    data.extend_from_slice(claims.nonce.as_bytes());
    data.extend_from_slice(b"&role=");
    data.extend_from_slice(claims.role.as_str().as_bytes());
    data.extend_from_slice(b"&expire_time=");
    push_int(&mut data, claims.expire_time);
    if let Some(connection_data) = claims.connection_data {
        data.extend_from_slice(b"&connection_data=");
        push_querystring_escaped(&mut data, connection_data);
    }
    data.extend_from_slice(b"&initial_layout_class_list=");
    push_querystring_escaped(&mut data, claims.initial_layout_class_list);
    data.extend_from_slice(b"&scope=session.connect");
    data
}

/// Mints the T1 token (ASCII bytes) with `key`, an HMAC-SHA1 instance already keyed with the API secret.
pub(crate) fn encode(key: Hmac<Sha1>, api_key: &str, claims: &Claims<'_>) -> Vec<u8> {
    envelope(key, api_key, &data_string(claims))
}

/// Wraps a signed data string: `"T1==" + base64("partner_id=…&sig=<hex HMAC-SHA1>:" + data)`.
pub(crate) fn envelope(key: Hmac<Sha1>, api_key: &str, data: &[u8]) -> Vec<u8> {
    let signature = key.chain_update(data).finalize().into_bytes();
    let mut plain = Vec::with_capacity(api_key.len() + data.len() + 60);
    plain.extend_from_slice(b"partner_id=");
    plain.extend_from_slice(api_key.as_bytes());
    plain.extend_from_slice(b"&sig=");
    push_hex(&mut plain, &signature);
    plain.push(b':');
    plain.extend_from_slice(data);
    let mut token = Vec::with_capacity(4 + plain.len().div_ceil(3) * 4);
    token.extend_from_slice(b"T1==");
    encode_standard(&mut token, &plain);
    token
}
