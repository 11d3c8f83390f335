// Checks: session_api_key never panics, and a session id that names a digit key mints a token for that key.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vonage_video_token::{generate_token_at, session_api_key, Nonce, TokenOptions, MAX_API_KEY_LENGTH};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Some(key) = session_api_key(s) {
        if !key.is_empty() && key.len() <= MAX_API_KEY_LENGTH && key.bytes().all(|b| b.is_ascii_digit()) {
            let nonce = Nonce::new(0.5).expect("0.5 is a nonce");
            let minted = generate_token_at(&key, "secret", s, &TokenOptions::new(), 1.7e12, &nonce);
            assert!(minted.is_ok(), "session {s:?} names key {key:?} but minting failed: {minted:?}");
        }
    }
});
