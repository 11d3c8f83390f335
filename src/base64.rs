//! Base64 in the two alphabets tokens use, and the lenient-alphabet decoder for session ids.

use alloc::vec::Vec;

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

#[inline]
fn symbol(alphabet: &[u8; 64], sextet: u32) -> u8 {
    alphabet.get((sextet & 63) as usize).copied().unwrap_or(b'A')
}

/// The encoded length of `len` bytes.
const fn encoded_len(len: usize, pad: bool) -> usize {
    let tail = match (len % 3, pad) {
        (0, _) => 0,
        (_, true) => 4,
        (1, false) => 2,
        (_, false) => 3,
    };
    len / 3 * 4 + tail
}

fn encode_into(out: &mut Vec<u8>, input: &[u8], alphabet: &[u8; 64], pad: bool) {
    let start = out.len();
    // Padding is pre-filled; the loop below overwrites everything else.
    out.resize(start + encoded_len(input.len(), pad), b'=');
    let Some(mut dst) = out.get_mut(start..) else { return };
    let mut src = input;
    // Plain loops over fixed-size chunks: this is the hot path, and the size-optimised build does
    // not inline iterator adapters.
    while let Some((&[a, b, c], rest)) = src.split_first_chunk::<3>() {
        let Some((quad, tail)) = core::mem::take(&mut dst).split_first_chunk_mut::<4>() else { break };
        let n = (u32::from(a) << 16) | (u32::from(b) << 8) | u32::from(c);
        *quad = [symbol(alphabet, n >> 18), symbol(alphabet, n >> 12), symbol(alphabet, n >> 6), symbol(alphabet, n)];
        src = rest;
        dst = tail;
    }
    match (src, dst) {
        (&[a], [w, x, ..]) => {
            let n = u32::from(a) << 16;
            *w = symbol(alphabet, n >> 18);
            *x = symbol(alphabet, n >> 12);
        }
        (&[a, b], [w, x, y, ..]) => {
            let n = (u32::from(a) << 16) | (u32::from(b) << 8);
            *w = symbol(alphabet, n >> 18);
            *x = symbol(alphabet, n >> 12);
            *y = symbol(alphabet, n >> 6);
        }
        _ => {}
    }
}

/// Appends standard base64 with `=` padding (Node's `Buffer#toString('base64')`).
pub(crate) fn encode_standard(out: &mut Vec<u8>, input: &[u8]) {
    encode_into(out, input, STANDARD, true);
}

/// Appends unpadded base64url (RFC 7515 §2).
pub(crate) fn encode_url(out: &mut Vec<u8>, input: &[u8]) {
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
/// `=` padding, one byte at a time and without allocating. Unused low bits of the last symbol
/// are ignored, as Node does.
pub(crate) struct Decoder<'a> {
    symbols: core::slice::Iter<'a, u8>,
    acc: u32,
    bits: u32,
}

impl<'a> Decoder<'a> {
    /// A decoder for `input`, or `None` for misplaced padding or an impossible length.
    pub(crate) fn new(input: &'a [u8]) -> Option<Self> {
        let body = input.strip_suffix(b"==").or_else(|| input.strip_suffix(b"=")).unwrap_or(input);
        if (input.len() != body.len() && input.len() % 4 != 0) || body.len() % 4 == 1 {
            return None;
        }
        Some(Self { symbols: body.iter(), acc: 0, bits: 0 })
    }
}

impl Iterator for Decoder<'_> {
    /// The next byte, or `Some(None)` at a symbol outside both alphabets.
    type Item = Option<u8>;

    fn next(&mut self) -> Option<Option<u8>> {
        loop {
            let symbol = *self.symbols.next()?;
            let Some(value) = sextet(symbol) else { return Some(None) };
            self.acc = (self.acc << 6) | value;
            self.bits += 6;
            if self.bits >= 8 {
                self.bits -= 8;
                return Some(Some(((self.acc >> self.bits) & 0xff) as u8));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    fn std(input: &[u8]) -> String {
        let mut s = Vec::new();
        encode_standard(&mut s, input);
        String::from_utf8(s).unwrap_or_default()
    }

    fn decode(input: &[u8]) -> Option<Vec<u8>> {
        Decoder::new(input)?.collect()
    }

    fn url(input: &[u8]) -> String {
        let mut s = Vec::new();
        encode_url(&mut s, input);
        String::from_utf8(s).unwrap_or_default()
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
            assert_eq!(decode(encoded.as_bytes()).as_deref(), Some(raw));
            let unpadded = encoded.trim_end_matches('=');
            assert_eq!(decode(unpadded.as_bytes()).as_deref(), Some(raw));
        }
    }

    #[test]
    fn alphabets_differ_only_in_two_symbols() {
        assert_eq!(std(&[0xfb, 0xff]), "+/8=");
        assert_eq!(url(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode(b"-_8").as_deref(), Some(&[0xfb, 0xff][..]));
        assert_eq!(decode(b"+/8=").as_deref(), Some(&[0xfb, 0xff][..]));
    }

    #[test]
    fn rejects_malformed_input() {
        for bad in [&b"Zg="[..], b"Z", b"Zm9vY", b"Zm 9v", b"Zm9v!", b"=Zm9", b"Zg===", b"Z=g="] {
            assert_eq!(decode(bad), None, "{:?}", core::str::from_utf8(bad));
        }
    }
}
