//! Writers for the text forms inside tokens: JSON strings, Node querystring escapes,
//! decimal integers, lower-case hex and JS number-to-string for the nonce.

const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";
const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

fn hex_digit(table: &[u8; 16], nibble: u8) -> char {
    char::from(table.get(usize::from(nibble & 15)).copied().unwrap_or(b'0'))
}

/// Appends `s` as a JSON string literal exactly as `JSON.stringify` writes it
/// (for well-formed strings): `"` and `\` escaped, `\b \f \n \r \t` short escapes,
/// other C0 controls as lower-case `\u00XX`, everything else (including U+2028/U+2029 and DEL) raw.
pub(crate) fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, byte) in s.bytes().enumerate() {
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
        out.push_str(s.get(start..i).unwrap_or_default());
        if short.is_empty() {
            out.push_str("\\u00");
            out.push(hex_digit(HEX_LOWER, byte >> 4));
            out.push(hex_digit(HEX_LOWER, byte));
        } else {
            out.push_str(short);
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// Appends `s` percent-encoded as Node's `querystring.escape` does: `A–Z a–z 0–9 - _ . ! ~ * ' ( )`
/// stay, every other UTF-8 byte becomes upper-case `%XX` (so a space is `%20`).
pub(crate) fn push_querystring_escaped(out: &mut String, s: &str) {
    for byte in s.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'~'
            | b'*'
            | b'\''
            | b'('
            | b')' => out.push(char::from(byte)),
            _ => {
                out.push('%');
                out.push(hex_digit(HEX_UPPER, byte >> 4));
                out.push(hex_digit(HEX_UPPER, byte));
            }
        }
    }
}

/// Appends lower-case hex of `bytes` (Node's `digest('hex')`).
pub(crate) fn push_hex(out: &mut String, bytes: &[u8]) {
    for &byte in bytes {
        out.push(hex_digit(HEX_LOWER, byte >> 4));
        out.push(hex_digit(HEX_LOWER, byte));
    }
}

/// Appends a signed integer in decimal.
pub(crate) fn push_int(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
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
    for &digit in digits.iter().take(len).rev() {
        out.push(char::from(digit));
    }
}

/// Appends a finite number exactly as JS `Number.prototype.toString` writes it
/// (shortest round-trip digits, `1e-7` style below 1e-6, `-0` as `0`).
pub(crate) fn push_js_number(out: &mut String, value: f64) {
    let mut buffer = ryu_js::Buffer::new();
    // `+ 0.0` turns -0 into +0, which JS prints as "0".
    out.push_str(buffer.format(value + 0.0));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(s: &str) -> String {
        let mut out = String::new();
        push_json_string(&mut out, s);
        out
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
        let mut out = String::new();
        push_querystring_escaped(&mut out, "{\"name\":\"Jo é ~*!'()\"} a+b/c");
        assert_eq!(out, "%7B%22name%22%3A%22Jo%20%C3%A9%20~*!'()%22%7D%20a%2Bb%2Fc");
    }

    #[test]
    fn integers() {
        for (v, s) in [(0, "0"), (7, "7"), (-42, "-42"), (1_700_086_400, "1700086400"), (i64::MIN, "-9223372036854775808")] {
            let mut out = String::new();
            push_int(&mut out, v);
            assert_eq!(out, s);
        }
    }

    #[test]
    fn js_numbers() {
        let cases = [
            (0.3942609881050885, "0.3942609881050885"),
            (0.0, "0"),
            (-0.0, "0"),
            (0.5, "0.5"),
            (1e-7, "1e-7"),
            (1.5e-7, "1.5e-7"),
            (0.000001, "0.000001"),
            (1.1102230246251565e-16, "1.1102230246251565e-16"),
            (0.1 + 0.2, "0.30000000000000004"),
        ];
        for (v, s) in cases {
            let mut out = String::new();
            push_js_number(&mut out, v);
            assert_eq!(out, s);
        }
    }

    #[test]
    fn hex() {
        let mut out = String::new();
        push_hex(&mut out, &[0x00, 0x9f, 0xff]);
        assert_eq!(out, "009fff");
    }
}
