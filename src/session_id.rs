//! Session-id decoding and the ownership check.
//!
//! A session id is a two-character prefix (`1_`, `2_`) followed by base64 (URL-safe symbols,
//! no padding) of `~`-separated fields; field 1 is the API key of the project that owns it.

use alloc::string::String;
use alloc::vec::Vec;

use crate::base64::Decoder;
use crate::error::{fail, Error, ErrorReason, Result};
use crate::limits::{utf16_len_exceeds, MAX_SESSION_ID_LENGTH};

const INVALID: Error = fail(ErrorReason::SessionId);

/// The base64 part of a session id: the bytes after its first two UTF-16 code units
/// (what JS `sessionId.substring(2)` keeps), or `None` when those two units split a character.
fn payload(session_id: &str) -> Option<&[u8]> {
    let bytes = session_id.as_bytes();
    let mut index = 0;
    let mut units = 0;
    while units < 2 {
        // The lead byte of a UTF-8 sequence gives its length; 4-byte sequences are 2 UTF-16 units.
        let (len, width) = match *bytes.get(index)? {
            0x00..=0x7f => (1, 1),
            0x80..=0xdf => (2, 1),
            0xe0..=0xef => (3, 1),
            _ => (4, 2),
        };
        index += len;
        units += width;
    }
    if units == 2 {
        bytes.get(index..)
    } else {
        None
    }
}

/// Who owns a session: a project (its API key, compared exactly) or an application (its id, a
/// UUID, compared ignoring ASCII case).
#[derive(Clone, Copy)]
pub(crate) enum Owner<'a> {
    Project(&'a str),
    Application(&'a str),
}

/// Checks the session id's length, that it decodes, and that its API-key field equals `api_key`
/// exactly. Decodes as it compares, without allocating.
pub(crate) fn check_owner(session_id: &str, api_key: &str) -> Result<()> {
    check_session(session_id, Owner::Project(api_key))
}

/// Checks the session id's length, that it decodes, and that its second field names `owner`.
pub(crate) fn check_session(session_id: &str, owner: Owner<'_>) -> Result<()> {
    let (api_key, fold, mismatch) = match owner {
        Owner::Project(key) => (key, false, ErrorReason::SessionKeyMismatch),
        Owner::Application(id) => (id, true, ErrorReason::SessionApplicationMismatch),
    };
    if utf16_len_exceeds(session_id, MAX_SESSION_ID_LENGTH) {
        return Err(fail(ErrorReason::SessionIdTooLong));
    }
    let encoded = payload(session_id).filter(|p| !p.is_empty()).ok_or(INVALID)?;
    let mut field = 0usize;
    let mut key = api_key.as_bytes().iter();
    let mut key_field_len = 0usize;
    let mut matches = true;
    Decoder::new(encoded)
        .ok_or(INVALID)?
        .for_each(|byte| {
            if byte == b'~' {
                field += 1;
            } else if field == 1 {
                key_field_len += 1;
                matches &= key.next().is_some_and(|&k| k == byte || (fold && k.eq_ignore_ascii_case(&byte)));
            }
        })
        .ok_or(INVALID)?;
    if field < 1 || key_field_len == 0 {
        return Err(INVALID);
    }
    if matches && key.next().is_none() {
        Ok(())
    } else {
        Err(fail(mismatch))
    }
}

/// Returns the API key (or, for Vonage application sessions, the application id) a session id
/// names in its second field, or `None` if the id does not decode.
///
/// ```
/// let key = vonage_video_token::session_api_key(
///     "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
/// );
/// assert_eq!(key.as_deref(), Some("123456"));
/// ```
#[must_use]
pub fn session_api_key(session_id: &str) -> Option<String> {
    if utf16_len_exceeds(session_id, MAX_SESSION_ID_LENGTH) {
        return None;
    }
    let mut decoded = Vec::new();
    Decoder::new(payload(session_id)?)?.decode_into(&mut decoded, true)?;
    let key_field = decoded.split(|&b| b == b'~').nth(1)?;
    String::from_utf8(key_field.to_vec()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NODE_FIXTURE: &str = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
    const MISMATCH: Error = fail(ErrorReason::SessionKeyMismatch);

    #[test]
    fn fixtures_from_the_official_test_suites() {
        let cases = [
            (NODE_FIXTURE, "123456"),
            ("1_MX4xMjM0NTY3OH4-VGh1IEZlYiAyNyAwNDozODozMSBQU1QgMjAxNH4wLjI0NDgyMjI", "12345678"),
            ("2_MX44NTQ1MTF-flR1ZSBOb3YgMTIgMDk6NDA6NTkgUFNUIDIwMTN-MC43NjU0Nzh-", "854511"),
            ("2_MX44NTQ1MTF-fjE0NzI0MzU2MDUyMjN-eVgwNFJhZmR6MjdockFHanpxNzBXaEFXfn4", "854511"),
            ("1_MX4xMDB-MTI3LjAuMC4xflR1ZSBKYW4gMjggMTU6NDg6NDAgUFNUIDIwMTR-MC43NjAyOTYyfg", "100"),
            ("1_MX40NzY2NTk3MX5-MTczOTUzODg5NDk1OX5ROW1jWEcxUXJOM1RJWXU4eStwcHgvZ3N-UH5-", "47665971"),
            ("2_MX40NTMyODc3Mn5-fg", "45328772"),
            ("1_MX40NTY3NjYzMn5-MTQ4MTY3NjYzMn5", "45676632"),
            ("1_MX40MDAwMDAwMX5-MTU3Nzg2NTYwMDAwMH54N2I0OE1RZ0RmK1lRRnFQUWg4dlZmT0t-QX4", "40000001"),
        ];
        for (session_id, key) in cases {
            assert_eq!(check_owner(session_id, key), Ok(()), "{session_id}");
            assert_eq!(session_api_key(session_id).as_deref(), Some(key));
        }
    }

    #[test]
    fn vonage_application_session_names_the_application() {
        let id = "1_MX4yOWY3NjBmOC03Y2UxLTQ2YzktYWRlMy1mMmRlZGVlNGVkNWZ-fjE3MjY0NjI1ODg2NDd-MTF4TGExYmJoelBlR1FHbVhzbWd4STBrfn5-";
        assert_eq!(session_api_key(id).as_deref(), Some("29f760f8-7ce1-46c9-ade3-f2dedee4ed5f"));
    }

    #[test]
    fn an_application_session_must_name_the_application_in_any_case() {
        let id = "1_MX4yOWY3NjBmOC03Y2UxLTQ2YzktYWRlMy1mMmRlZGVlNGVkNWZ-fjE3MjY0NjI1ODg2NDd-MTF4TGExYmJoelBlR1FHbVhzbWd4STBrfn5-";
        assert_eq!(check_session(id, Owner::Application("29f760f8-7ce1-46c9-ade3-f2dedee4ed5f")), Ok(()));
        assert_eq!(check_session(id, Owner::Application("29F760F8-7CE1-46C9-ADE3-F2DEDEE4ED5F")), Ok(()));
        assert_eq!(
            check_session(id, Owner::Application("29f760f8-7ce1-46c9-ade3-f2dedee4ed50")).map_err(|e| e.reason()),
            Err(ErrorReason::SessionApplicationMismatch)
        );
        // A project's key is compared exactly.
        assert_eq!(check_owner(id, "29F760F8-7CE1-46C9-ADE3-F2DEDEE4ED5F"), Err(MISMATCH));
    }

    #[test]
    fn key_must_match_exactly_at_field_one() {
        assert_eq!(check_owner(NODE_FIXTURE, "654321"), Err(MISMATCH));
        assert_eq!(check_owner(NODE_FIXTURE, "12345"), Err(MISMATCH));
        assert_eq!(check_owner(NODE_FIXTURE, "1234567"), Err(MISMATCH));
        assert_eq!(check_owner(NODE_FIXTURE, "1"), Err(MISMATCH));
        assert_eq!(check_owner(NODE_FIXTURE, ""), Err(MISMATCH));
    }

    #[test]
    fn malformed_ids_are_invalid() {
        for id in [
            "",
            "1",
            "1_",
            "SESSIONID",
            "NOT A VALID SESSION ID",
            "blahblahblah",
            "1_MX4",
            "1_!!!!",
            "1_MX4xMjM0NTZ-fl NhdCBN",
            // Decodes, but field 1 is empty ("1~~x~").
            "1_MX5-eH4",
            // No '~' at all.
            "1_YWJj",
        ] {
            assert_eq!(check_owner(id, "123456"), Err(INVALID), "{id:?}");
        }
    }

    #[test]
    fn too_long_ids_are_rejected_before_decoding() {
        let long = alloc::format!("1_{}", "A".repeat(MAX_SESSION_ID_LENGTH - 1));
        assert_eq!(check_owner(&long, "123456").map_err(|e| e.reason()), Err(ErrorReason::SessionIdTooLong));
        assert_eq!(session_api_key(&long), None);
    }

    #[test]
    fn prefix_is_two_utf16_units() {
        // "é" is one unit: the prefix "é_" is dropped like any other.
        assert_eq!(
            check_owner("é_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4", "123456"),
            Ok(())
        );
        // An astral character is two units on its own.
        assert_eq!(
            check_owner("😀MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4", "123456"),
            Ok(())
        );
        // One unit then an astral character: the cut would split a surrogate pair.
        assert_eq!(check_owner("1😀MX4xMjM0NTZ-", "123456"), Err(INVALID));
    }
}
