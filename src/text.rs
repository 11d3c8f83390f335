//! Writers for the text forms inside tokens: JSON strings, Node querystring escapes,
//! decimal integers and lower-case hex.

const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";
const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

use alloc::vec::Vec;

fn hex_digit(table: &[u8; 16], nibble: u8) -> u8 {
    table.get(usize::from(nibble & 15)).copied().unwrap_or(b'0')
}

/// Appends `s` as a JSON string literal exactly as `JSON.stringify` writes it
/// (for well-formed strings): `"` and `\` escaped, `\b \f \n \r \t` short escapes,
/// other C0 controls as lower-case `\u00XX`, everything else (including U+2028/U+2029 and DEL) raw.
pub(crate) fn push_json_string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.push(b'"');
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let short = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        if short.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.push(hex_digit(HEX_LOWER, byte >> 4));
            out.push(hex_digit(HEX_LOWER, byte));
        } else {
            out.extend_from_slice(short.as_bytes());
        }
        start = i + 1;
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
    out.push(b'"');
}

/// Appends `s` percent-encoded as Node's `querystring.escape` does: `A–Z a–z 0–9 - _ . ! ~ * ' ( )`
/// stay, every other UTF-8 byte becomes upper-case `%XX` (so a space is `%20`).
pub(crate) fn push_querystring_escaped(out: &mut Vec<u8>, s: &str) {
    for byte in s.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')' => {
                out.push(byte);
            }
            _ => {
                out.push(b'%');
                out.push(hex_digit(HEX_UPPER, byte >> 4));
                out.push(hex_digit(HEX_UPPER, byte));
            }
        }
    }
}

/// Appends lower-case hex of `bytes` (Node's `digest('hex')`).
pub(crate) fn push_hex(out: &mut Vec<u8>, bytes: &[u8]) {
    for &byte in bytes {
        out.push(hex_digit(HEX_LOWER, byte >> 4));
        out.push(hex_digit(HEX_LOWER, byte));
    }
}

/// Appends a signed integer in decimal.
pub(crate) fn push_int(out: &mut Vec<u8>, value: i64) {
    if value < 0 {
        out.push(b'-');
    }
    let mut magnitude = value.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        if let Some(slot) = digits.get_mut(len) {
            *slot = b'0' + (magnitude % 10) as u8;
        }
        len += 1;
        magnitude /= 10;
        if magnitude == 0 {
            break;
        }
    }
    out.extend(digits.iter().take(len).rev());
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    fn text(write: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        write(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    fn json(s: &str) -> String {
        text(|out| push_json_string(out, s))
    }

    #[test]
    fn json_matches_json_stringify() {
        assert_eq!(json(""), r#""""#);
        assert_eq!(json(r#"{"name":"Jo é ~/"}"#), r#""{\"name\":\"Jo é ~/\"}""#);
        assert_eq!(json("a\\b"), r#""a\\b""#);
        assert_eq!(json("\u{8}\u{c}\n\r\t"), r#""\b\f\n\r\t""#);
        assert_eq!(json("\u{0}\u{1f}\u{7f}"), "\"\\u0000\\u001f\u{7f}\"");
        assert_eq!(json("\u{2028}\u{2029}😀"), "\"\u{2028}\u{2029}😀\"");
    }

    #[test]
    fn querystring_matches_node() {
        let out = text(|out| push_querystring_escaped(out, "{\"name\":\"Jo é ~*!'()\"} a+b/c"));
        assert_eq!(out, "%7B%22name%22%3A%22Jo%20%C3%A9%20~*!'()%22%7D%20a%2Bb%2Fc");
    }

    #[test]
    fn integers() {
        for (v, s) in
            [(0, "0"), (7, "7"), (-42, "-42"), (1_700_086_400, "1700086400"), (i64::MIN, "-9223372036854775808")]
        {
            assert_eq!(text(|out| push_int(out, v)), s);
        }
    }

    #[test]
    fn hex() {
        assert_eq!(text(|out| push_hex(out, &[0x00, 0x9f, 0xff])), "009fff");
    }
}
