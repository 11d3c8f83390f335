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
    let mut rest = s.as_bytes();
    out.push(b'"');
    // Copy runs of plain bytes whole; most strings are one run.
    while let Some(at) = rest.iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\') {
        let (plain, escaped) = rest.split_at(at);
        out.extend_from_slice(plain);
        let Some((&byte, tail)) = escaped.split_first() else { break };
        let short = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            _ => "",
        };
        if short.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.push(hex_digit(HEX_LOWER, byte >> 4));
            out.push(hex_digit(HEX_LOWER, byte));
        } else {
            out.extend_from_slice(short.as_bytes());
        }
        rest = tail;
    }
    out.extend_from_slice(rest);
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
    let magnitude = value.unsigned_abs();
    // Token times fit in 32 bits until 2106, and 32-bit division is much cheaper in WebAssembly.
    if let Ok(small) = u32::try_from(magnitude) {
        push_u32(out, small);
    } else {
        let (high, low) = (magnitude / 1_000_000_000, (magnitude % 1_000_000_000) as u32);
        push_int(out, high as i64);
        let mut digits = Vec::with_capacity(9);
        push_u32(&mut digits, low);
        out.resize(out.len() + 9 - digits.len(), b'0');
        out.extend_from_slice(&digits);
    }
}

/// "00" to "99", for writing two digits at a time.
const DIGIT_PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
    5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

/// Appends an unsigned 32-bit integer, two digits at a time.
fn push_u32(out: &mut Vec<u8>, mut value: u32) {
    let mut digits = [0u8; 10];
    let mut start = digits.len();
    while value >= 10 {
        let pair = 2 * (value % 100) as usize;
        value /= 100;
        start -= 2;
        if let (Some(slot), Some(pair)) = (digits.get_mut(start..start + 2), DIGIT_PAIRS.get(pair..pair + 2)) {
            slot.copy_from_slice(pair);
        }
    }
    if value > 0 || start == digits.len() {
        start -= 1;
        if let Some(slot) = digits.get_mut(start) {
            *slot = b'0' + value as u8;
        }
    }
    out.extend_from_slice(digits.get(start..).unwrap_or_default());
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
        for (v, s) in [
            (0, "0"),
            (7, "7"),
            (10, "10"),
            (99, "99"),
            (100, "100"),
            (-42, "-42"),
            (1_700_086_400, "1700086400"),
            (4_294_967_295, "4294967295"),
            (4_294_967_296, "4294967296"),
            (8_640_000_000_000, "8640000000000"),
            (1_000_000_000_000_000_007, "1000000000000000007"),
            (i64::MAX, "9223372036854775807"),
            (i64::MIN, "-9223372036854775808"),
        ] {
            assert_eq!(text(|out| push_int(out, v)), s);
        }
    }

    #[test]
    fn hex() {
        assert_eq!(text(|out| push_hex(out, &[0x00, 0x9f, 0xff])), "009fff");
    }
}
