// Checks: reading tokens back never panics on any input; what decodes is consistent; a token that
// verifies decodes to the same thing and is not expired; a minted token verifies with its secret,
// and any one-character change, truncation or extension of it does not (whitespace around it
// is ignored, and a T1 body may be spelt wholly in the URL-safe alphabet, as documented).
#![no_main]

use arbitrary::Arbitrary;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use libfuzzer_sys::fuzz_target;
use vonage_video_token::{
    decode_token, generate_token_at, verify_token_at, ErrorReason, Nonce, Role, TokenFormat, TokenOptions, TokenType,
    VerifyOptions,
};

const KEY: &str = "123456";
const SESSION: &str = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
const NOW: f64 = 1_700_000_000_000.0;

#[derive(Arbitrary, Debug)]
enum Change {
    None,
    Replace(u16, u8),
    Truncate(u16),
    Append(String),
}

#[derive(Arbitrary, Debug)]
enum Shape {
    /// Any text.
    Raw(String),
    /// Three dot-separated base64url segments of arbitrary bytes.
    Jwt(Vec<u8>, Vec<u8>, Vec<u8>),
    /// `T1==` and standard base64 of arbitrary text.
    T1(String),
    /// A token minted here with SECRET, then changed.
    Minted { t1: bool, data: String, secret: String, change: Change },
}

#[derive(Arbitrary, Debug)]
struct Input {
    shape: Shape,
    secret: String,
    now_offset_s: i32,
    tolerance: u16,
    expect_session: bool,
    role: Option<u8>,
}

const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=.~&";

fuzz_target!(|input: Input| {
    let mut minted = None;
    let token = match input.shape {
        Shape::Raw(text) => text,
        Shape::Jwt(a, b, c) => {
            format!("{}.{}.{}", URL_SAFE_NO_PAD.encode(a), URL_SAFE_NO_PAD.encode(b), URL_SAFE_NO_PAD.encode(c))
        }
        Shape::T1(text) => format!("T1=={}", STANDARD.encode(text)),
        Shape::Minted { t1, data, secret, change } => {
            let token_type = if t1 { TokenType::T1 } else { TokenType::Jwt };
            let options = TokenOptions::new().role(Role::Moderator).data(data).token_type(token_type);
            let nonce = Nonce::new(0.5).unwrap();
            let Ok(original) = generate_token_at(KEY, &secret, SESSION, &options, NOW, &nonce) else { return };
            // A secret that reads as a key (a PEM marker in it, a JWK, base64 DER) is refused by
            // verify_token, as documented: such a project's tokens are not read back with it.
            let refused = verify_token_at(&original, &secret, &VerifyOptions::new(), NOW).err().map(|e| e.reason());
            if refused == Some(ErrorReason::SecretIsPublicKey) {
                return;
            }
            let changed = match change {
                Change::None => original.clone(),
                Change::Replace(at, with) => {
                    let mut bytes = original.clone().into_bytes();
                    let at = usize::from(at) % bytes.len();
                    let with = ALPHABET[usize::from(with) % ALPHABET.len()];
                    if bytes[at] == with {
                        return;
                    }
                    bytes[at] = with;
                    String::from_utf8(bytes).unwrap()
                }
                Change::Truncate(len) => original[..usize::from(len) % original.len()].to_owned(),
                Change::Append(tail) => {
                    if tail.is_empty() {
                        return;
                    }
                    format!("{original}{tail}")
                }
            };
            minted = Some((original, secret));
            changed
        }
    };

    // Decoding never panics; what decodes is consistent with itself.
    let decoded = decode_token(&token);
    // Whitespace around a token is ignored (documented); everything else counts.
    let trimmed = token.trim();
    if let Ok(decoded) = &decoded {
        match decoded.format() {
            TokenFormat::T1 => assert!(trimmed.starts_with("T1=="), "a T1 decode of {token:?}"),
            TokenFormat::Jwt => {
                assert!(!trimmed.starts_with("T1=="), "a JWT decode of {token:?}");
                assert!(trimmed.starts_with(decoded.signing_input()), "the signing input is not the token's start");
                assert!(decoded.header_json().is_some(), "a JWT without a header");
            }
        }
        let claims: serde_json::Value =
            serde_json::from_str(decoded.claims_json()).expect("claims JSON does not parse");
        assert!(claims.is_object(), "claims are not an object");
        if let Some(session) = claims.get("session_id").and_then(serde_json::Value::as_str) {
            assert_eq!(decoded.claims().session_id.as_deref(), Some(session), "typed and JSON claims disagree");
        }
    }

    // Verifying never panics; a token that verifies decodes the same and has not expired.
    let now_ms = NOW + f64::from(input.now_offset_s) * 1000.0;
    let mut options = VerifyOptions::new().clock_tolerance(u32::from(input.tolerance));
    if input.expect_session {
        options = options.session_id(SESSION);
    }
    if let Some(role) = input.role {
        options = options
            .role([Role::Publisher, Role::Subscriber, Role::Moderator, Role::PublisherOnly][usize::from(role % 4)]);
    }
    let key = minted.as_ref().map_or(input.secret.as_str(), |(_, secret)| secret.as_str());
    let verified = verify_token_at(&token, key, &options, now_ms);
    if let Ok(verified) = &verified {
        assert_eq!(decoded.as_ref().ok(), Some(verified), "verify and decode disagree");
        if let Some(expiry) = verified.claims().expires_at() {
            assert!((expiry + i64::from(input.tolerance)) as f64 * 1000.0 >= now_ms, "an expired token verified");
        }
    }

    // A minted token verifies with its secret (at its creation time) and a changed one never does,
    // but for the one other spelling SECURITY.md promises: a T1 body wholly in the URL-safe alphabet.
    if let Some((original, secret)) = minted {
        let at_creation = verify_token_at(&token, &secret, &VerifyOptions::new().session_id(SESSION), NOW);
        let other_spelling = original
            .strip_prefix("T1==")
            .map(|body| format!("T1=={}", body.replace('+', "-").replace('/', "_")))
            .filter(|other| *other != original);
        if trimmed == original || other_spelling.as_deref() == Some(trimmed) {
            assert!(at_creation.is_ok(), "a minted token does not verify: {at_creation:?}");
        } else {
            assert!(at_creation.is_err(), "a changed token verified: {original:?} → {token:?}");
        }
    }
});
