//! The maximum length of every input, in UTF-16 code units (what JavaScript's `.length` counts,
//! so both APIs accept exactly the same strings). Each is far above anything real; the
//! WebAssembly package checks them before it copies an input into its memory.

/// Longest API key. Real keys have 8 digits; a number key has at most 16.
pub const MAX_API_KEY_LENGTH: usize = 64;
/// Longest API secret. Real secrets have 40 hex digits.
pub const MAX_API_SECRET_LENGTH: usize = 1024;
/// Longest session id. Real ids have 70 to 130 characters.
pub const MAX_SESSION_ID_LENGTH: usize = 1024;
/// Longest connection data (the stricter of the official SDKs' limits).
pub const MAX_DATA_LENGTH: usize = 1000;
/// Longest layout class list, once joined with spaces.
pub const MAX_LAYOUT_CLASS_LIST_LENGTH: usize = 1024;

/// Longest application id: a UUID is 36 characters.
pub const MAX_APPLICATION_ID_LENGTH: usize = 36;
/// Longest PEM key text: room for a 16384-bit RSA private key (about 12,700 characters).
pub const MAX_KEY_PEM_LENGTH: usize = 16384;
/// Longest token read back: far above the longest token the official SDKs mint (about 30,000).
pub const MAX_TOKEN_LENGTH: usize = 65536;
/// Longest `acl` of an application JWT, as JSON text.
pub const MAX_ACL_LENGTH: usize = 8192;
/// Longest `sub` of an application JWT.
pub const MAX_SUBJECT_LENGTH: usize = 256;

/// Latest allowed expiry, in seconds after the token's creation time (30 days).
pub const MAX_LIFETIME_SECONDS: i64 = 30 * 24 * 60 * 60;
/// Default lifetime, in seconds (24 hours).
pub const DEFAULT_LIFETIME_SECONDS: i64 = 24 * 60 * 60;

/// Whether `s` is longer than `limit` UTF-16 code units. Counts only when the byte length could
/// exceed it: one unit per UTF-8 sequence, two for a 4-byte sequence.
pub(crate) fn utf16_len_exceeds(s: &str, limit: usize) -> bool {
    s.len() > limit && s.bytes().map(|b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0)).sum::<usize>() > limit
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    use crate::error::ErrorReason;

    #[test]
    fn utf16_lengths() {
        assert!(!utf16_len_exceeds("é".repeat(10).as_str(), 10));
        assert!(utf16_len_exceeds("é".repeat(11).as_str(), 10));
        assert!(!utf16_len_exceeds("😀".repeat(5).as_str(), 10));
        assert!(utf16_len_exceeds("😀".repeat(6).as_str(), 10));
        assert!(!utf16_len_exceeds("", 0));
    }

    #[test]
    fn too_long_messages_state_their_limit() {
        for (reason, limit) in [
            (ErrorReason::ApiKeyTooLong, MAX_API_KEY_LENGTH),
            (ErrorReason::ApiSecretTooLong, MAX_API_SECRET_LENGTH),
            (ErrorReason::SessionIdTooLong, MAX_SESSION_ID_LENGTH),
            (ErrorReason::DataTooLong, MAX_DATA_LENGTH),
            (ErrorReason::LayoutTooLong, MAX_LAYOUT_CLASS_LIST_LENGTH),
        ] {
            let limit = limit.to_string();
            assert!(reason.message().contains(&limit), "{reason:?}");
            assert!(reason.js_message().contains(&limit), "{reason:?}");
        }
    }
}
