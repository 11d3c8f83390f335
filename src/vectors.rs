//! The shared vectors file (`tests/vectors/tokens.json`): official-SDK tokens, the T1 and JWT
//! envelopes of the official test suites, and the RFC 2202 / RFC 4231 HMAC cases. A field that is
//! missing or of the wrong type fails the test that reads it: never a default that could compare
//! two empty strings.

use alloc::borrow::ToOwned;
use alloc::vec::Vec;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::Value;
use sha1::Sha1;
use sha2::Sha256;

use crate::{generate_token_at, jwt, t1, Nonce, Role, TokenGenerator, TokenOptions, TokenType};

fn vectors() -> Value {
    serde_json::from_str(include_str!("../tests/vectors/tokens.json")).expect("tokens.json is not JSON")
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    let items = v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    assert!(!items.is_empty(), "vectors file has no {key}");
    items
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_else(|| panic!("vector field {key} is missing or not text: {v}"))
}

fn number(v: &Value, key: &str) -> f64 {
    v.get(key).and_then(Value::as_f64).unwrap_or_else(|| panic!("vector field {key} is missing or not a number: {v}"))
}

fn hex(s: &str) -> Vec<u8> {
    assert!(s.len() % 2 == 0 && !s.is_empty(), "not hex bytes: {s:?}");
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap_or_else(|_| panic!("not hex: {s:?}")))
        .collect()
}

fn options(v: &Value) -> TokenOptions<'_> {
    let known = ["role", "tokenType", "expireTime", "data", "initialLayoutClassList"];
    let object = v.as_object().unwrap_or_else(|| panic!("options must be an object: {v}"));
    assert!(object.keys().all(|key| known.contains(&key.as_str())), "unknown option in {v}");
    let mut o = TokenOptions::new();
    if v.get("role").is_some() {
        o = o.role(Role::parse(text(v, "role")).unwrap_or_else(|_| panic!("not a role: {v}")));
    }
    if v.get("tokenType").is_some() {
        o = o.token_type(TokenType::parse(text(v, "tokenType")).unwrap_or_else(|_| panic!("not a token type: {v}")));
    }
    if v.get("expireTime").is_some() {
        o = o.expire_time(number(v, "expireTime"));
    }
    if v.get("data").is_some() {
        o = o.data(text(v, "data"));
    }
    if let Some(list) = v.get("initialLayoutClassList") {
        let classes: Vec<&str> = list
            .as_array()
            .unwrap_or_else(|| panic!("initialLayoutClassList must be an array: {v}"))
            .iter()
            .map(|class| class.as_str().unwrap_or_else(|| panic!("a layout class must be text: {v}")))
            .collect();
        o = o.initial_layout_classes(&classes);
    }
    o
}

#[test]
fn official_sdk_tokens() {
    let v = vectors();
    for case in list(&v, "tokens") {
        let (key, secret, sid) = (text(case, "apiKey"), text(case, "apiSecret"), text(case, "sessionId"));
        let opts = options(case.get("options").unwrap_or_else(|| panic!("a token vector without options: {case}")));
        let now = number(case, "now");
        let nonce = Nonce::new(number(case, "nonce")).unwrap();
        let expected = text(case, "token");
        let once = generate_token_at(key, secret, sid, &opts, now, &nonce);
        assert_eq!(once.as_deref(), Ok(expected), "{}", text(case, "name"));
        let generator = TokenGenerator::new(key, secret).map(|g| g.generate_token_at(sid, &opts, now, &nonce));
        assert_eq!(generator, Ok(Ok(expected.to_owned())), "{} (generator)", text(case, "name"));
    }
}

#[test]
fn t1_envelopes() {
    let v = vectors();
    for case in list(&v, "t1Envelopes") {
        let key = Hmac::<Sha1>::new_from_slice(text(case, "apiSecret").as_bytes());
        let token = key.map(|k| t1::envelope(k, text(case, "apiKey"), text(case, "dataString").as_bytes()));
        assert_eq!(token.as_deref(), Ok(text(case, "token").as_bytes()), "{}", text(case, "name"));
    }
}

#[test]
fn jwt_envelopes() {
    let v = vectors();
    for case in list(&v, "jwtEnvelopes") {
        let key = Hmac::<Sha256>::new_from_slice(text(case, "secret").as_bytes());
        let token = key.map(|k| jwt::sign(k, text(case, "payload").as_bytes()));
        assert_eq!(token.as_deref(), Ok(text(case, "token").as_bytes()), "{}", text(case, "name"));
    }
}

fn check_hmac<M: Mac + KeyInit>(cases: &[Value]) {
    for case in cases {
        let mac = <M as KeyInit>::new_from_slice(&hex(text(case, "keyHex")))
            .map(|m| m.chain_update(hex(text(case, "dataHex"))).finalize().into_bytes().to_vec());
        let want = hex(text(case, "macHex"));
        // RFC 4231 case 5 style truncation: compare the prefix the vector gives.
        assert_eq!(mac.map(|m| m.get(..want.len()).map(<[u8]>::to_vec)), Ok(Some(want)), "{}", text(case, "name"));
    }
}

#[test]
fn rfc_2202_hmac_sha1() {
    check_hmac::<Hmac<Sha1>>(list(&vectors(), "hmacSha1"));
}

#[test]
fn rfc_4231_hmac_sha256() {
    check_hmac::<Hmac<Sha256>>(list(&vectors(), "hmacSha256"));
}

#[test]
fn official_sdk_tokens_read_back_and_verify() {
    let v = vectors();
    for case in list(&v, "sdkTokens") {
        let name = text(case, "name");
        let token = text(case, "token");
        let decoded = crate::decode_token(token).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(decoded.format().as_str(), text(case, "format"), "{name}");
        let claims: Value = serde_json::from_str(decoded.claims_json()).unwrap();
        for (key, want) in case["claims"].as_object().unwrap() {
            assert_eq!(&claims[key], want, "{name}: claim {key}");
        }
        let Some(secret) = case["secret"].as_str() else { continue };
        let now = case["now"].as_f64().unwrap();
        let verified = crate::verify_token_at(token, secret, &crate::VerifyOptions::new(), now);
        assert_eq!(verified.err(), None, "{name}");
        let wrong = crate::verify_token_at(token, "not the secret", &crate::VerifyOptions::new(), now);
        assert_eq!(wrong.err().map(|e| e.code()), Some(crate::ErrorCode::InvalidSignature), "{name}");
    }
}
