// Checks: minting never panics, tokens are well formed, one-shot == TokenGenerator, errors never depend on or echo the secret.
#![no_main]

use arbitrary::Arbitrary;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use libfuzzer_sys::fuzz_target;
use vonage_video_token::{generate_token_at, Nonce, Role, TokenGenerator, TokenOptions, TokenType};

const JWT_HEADER: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

#[derive(Arbitrary, Debug)]
enum Key { Digits(u64), Raw(String) }

#[derive(Arbitrary, Debug)]
enum Session { Valid { other_key: Option<u64>, serial: u64, random: String }, Raw(String) }

#[derive(Arbitrary, Debug)]
enum Num { Raw(f64), Small(u64) } // Small: a value in range (clock in ms, or nonce in [0, 1))

#[derive(Arbitrary, Debug)]
enum Expire { Default, Raw(f64), NearClock(i32, bool) } // seconds offset from the clock, maybe + 0.5

#[derive(Arbitrary, Debug)]
enum Text { Raw(String), Repeat(char, u16) }

#[derive(Arbitrary, Debug)]
struct Input {
    key: Key, secret: String, session: Session, role: u8, t1: bool,
    expire: Expire, data: Option<Text>, layout: Option<Text>, now: Num, nonce: Num,
}

fn text(t: Text) -> String {
    match t { Text::Raw(s) => s, Text::Repeat(c, n) => std::iter::repeat_n(c, usize::from(n % 1100)).collect() }
}

fuzz_target!(|input: Input| {
    let key = match input.key { Key::Digits(n) => n.to_string(), Key::Raw(s) => s };
    let session = match input.session {
        Session::Valid { other_key, serial, random } => {
            let owner = other_key.map_or(key.clone(), |k| k.to_string());
            format!("1_{}", URL_SAFE_NO_PAD.encode(format!("1~{owner}~~{serial}~{random}~")))
        }
        Session::Raw(s) => s,
    };
    let now = match input.now { Num::Raw(f) => f, Num::Small(n) => (n % 8_640_000_000_000_001) as f64 };
    let nonce = match input.nonce { Num::Raw(f) => f, Num::Small(n) => (n >> 11) as f64 / 9_007_199_254_740_992.0 };
    let role = [Role::Publisher, Role::Subscriber, Role::Moderator, Role::PublisherOnly][usize::from(input.role % 4)];
    let mut options = TokenOptions::new().role(role).token_type(if input.t1 { TokenType::T1 } else { TokenType::Jwt });
    options = match input.expire {
        Expire::Default => options,
        Expire::Raw(f) => options.expire_time(f),
        Expire::NearClock(offset, half) => options.expire_time((now / 1000.0).round() + f64::from(offset) + if half { 0.5 } else { 0.0 }),
    };
    if let Some(data) = input.data { options = options.data(text(data)); }
    if let Some(layout) = input.layout { options = options.initial_layout_class_list(text(layout)); }

    let secret = input.secret.as_str();
    let Ok(nonce) = Nonce::new(nonce) else {
        assert!(!(0.0..1.0).contains(&nonce), "a nonce in [0, 1) was rejected: {nonce}");
        return;
    };
    assert_eq!(Nonce::from_js_text(nonce.as_str()), Ok(nonce), "a nonce's text does not read back");
    let one_shot = generate_token_at(&key, secret, &session, &options, now, &nonce);
    let via_generator = TokenGenerator::new(&key, secret).and_then(|g| g.generate_token_at(&session, &options, now, &nonce));
    assert_eq!(one_shot, via_generator, "one-shot and TokenGenerator disagree");

    match one_shot {
        Ok(token) if input.t1 => {
            let rest = token.strip_prefix("T1==").expect("T1 token without T1== prefix");
            let plain = STANDARD.decode(rest).expect("T1 body is not padded standard base64");
            let plain = String::from_utf8(plain).expect("T1 body is not UTF-8");
            assert!(plain.starts_with(&format!("partner_id={key}&sig=")), "bad T1 body {plain:?}");
        }
        Ok(token) => {
            let parts: Vec<&str> = token.split('.').collect();
            assert_eq!(parts.len(), 3, "JWT without 3 segments: {token}");
            assert_eq!(parts[0], JWT_HEADER);
            let claims = URL_SAFE_NO_PAD.decode(parts[1]).expect("JWT payload is not base64url");
            assert_eq!(URL_SAFE_NO_PAD.decode(parts[2]).expect("JWT signature is not base64url").len(), 32);
            let claims: serde_json::Value = serde_json::from_slice(&claims).expect("JWT payload is not JSON");
            assert_eq!(claims["iss"], key.as_str());
            assert_eq!(claims["session_id"], session.as_str());
            assert_eq!(claims["initial_layout_class_list"], options.initial_layout_class_list.as_deref().unwrap_or(""));
            match options.data.as_deref().filter(|d| !d.is_empty()) {
                Some(d) => assert_eq!(claims["connection_data"], d),
                None => assert!(claims.get("connection_data").is_none()),
            }
        }
        Err(err) if secret.len() >= 8 => {
            // A plain `!message.contains(secret)` is a false alarm when the secret is a piece of the
            // fixed wording (the fuzzer found "st be a number i"). The real leak check: the error
            // (code and text) is identical whatever the non-empty secret of the same length (its
            // length alone decides ApiSecretTooLong), so it cannot carry it.
            let same_length = "x".repeat(secret.encode_utf16().count());
            let other = generate_token_at(&key, &same_length, &session, &options, now, &nonce);
            assert_eq!(Err(err), other, "the error depends on the secret");
        }
        Err(_) => {}
    }
});
