//! Base64 in the two alphabets tokens use, and the lenient-alphabet decoder for session ids.

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn symbol(alphabet: &[u8; 64], sextet: u32) -> char {
    char::from(alphabet.get((sextet & 63) as usize).copied().unwrap_or(b'A'))
}

fn encode_into(out: &mut String, input: &[u8], alphabet: &[u8; 64], pad: bool) {
    out.reserve(input.len().div_ceil(3) * 4);
    let mut chunks = input.chunks_exact(3);
    for chunk in &mut chunks {
        if let &[a, b, c] = chunk {
            let n = (u32::from(a) << 16) | (u32::from(b) << 8) | u32::from(c);
            out.push(symbol(alphabet, n >> 18));
            out.push(symbol(alphabet, n >> 12));
            out.push(symbol(alphabet, n >> 6));
            out.push(symbol(alphabet, n));
        }
    }
    match *chunks.remainder() {
        [a] => {
            let n = u32::from(a) << 16;
            out.push(symbol(alphabet, n >> 18));
            out.push(symbol(alphabet, n >> 12));
            if pad {
                out.push_str("==");
            }
        }
        [a, b] => {
            let n = (u32::from(a) << 16) | (u32::from(b) << 8);
            out.push(symbol(alphabet, n >> 18));
            out.push(symbol(alphabet, n >> 12));
            out.push(symbol(alphabet, n >> 6));
            if pad {
                out.push('=');
            }
        }
        _ => {}
    }
}

/// Appends standard base64 with `=` padding (Node's `Buffer#toString('base64')`).
pub(crate) fn encode_standard(out: &mut String, input: &[u8]) {
    encode_into(out, input, STANDARD, true);
}

/// Appends unpadded base64url (RFC 7515 §2).
pub(crate) fn encode_url(out: &mut String, input: &[u8]) {
    encode_into(out, input, URL_SAFE, false);
}

fn sextet(symbol: u8) -> Option<u32> {
    let v = match symbol {
        b'A'..=b'Z' => symbol - b'A',
        b'a'..=b'z' => symbol - b'a' + 26,
        b'0'..=b'9' => symbol - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes base64 written in either alphabet (or a mix, as session ids are), with or without
/// `=` padding. Unused low bits of the last symbol are ignored, as Node does.
/// Returns `None` for any other symbol, misplaced padding, or an impossible length.
pub(crate) fn decode_lenient_alphabet(input: &[u8]) -> Option<Vec<u8>> {
    let body = input.strip_suffix(b"==").or_else(|| input.strip_suffix(b"=")).unwrap_or(input);
    if input.len() != body.len() && input.len() % 4 != 0 {
        return None;
    }
    if body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &symbol in body {
        acc = (acc << 6) | sextet(symbol)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn std(input: &[u8]) -> String {
        let mut s = String::new();
        encode_standard(&mut s, input);
        s
    }

    fn url(input: &[u8]) -> String {
        let mut s = String::new();
        encode_url(&mut s, input);
        s
    }

    #[test]
    fn rfc4648_vectors() {
        let cases: [(&[u8], &str); 7] = [
            (b"", ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"fooba", "Zm9vYmE="),
            (b"foobar", "Zm9vYmFy"),
        ];
        for (raw, encoded) in cases {
            assert_eq!(std(raw), encoded);
            assert_eq!(url(raw), encoded.trim_end_matches('='));
            assert_eq!(decode_lenient_alphabet(encoded.as_bytes()).as_deref(), Some(raw));
            let unpadded = encoded.trim_end_matches('=');
            assert_eq!(decode_lenient_alphabet(unpadded.as_bytes()).as_deref(), Some(raw));
        }
    }

    #[test]
    fn alphabets_differ_only_in_two_symbols() {
        assert_eq!(std(&[0xfb, 0xff]), "+/8=");
        assert_eq!(url(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode_lenient_alphabet(b"-_8").as_deref(), Some(&[0xfb, 0xff][..]));
        assert_eq!(decode_lenient_alphabet(b"+/8=").as_deref(), Some(&[0xfb, 0xff][..]));
    }

    #[test]
    fn rejects_malformed_input() {
        for bad in [&b"Zg="[..], b"Z", b"Zm9vY", b"Zm 9v", b"Zm9v!", b"=Zm9", b"Zg===", b"Z=g="] {
            assert_eq!(decode_lenient_alphabet(bad), None, "{:?}", core::str::from_utf8(bad));
        }
    }
}
