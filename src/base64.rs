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
    // Padding is pre-filled; the loops below overwrite everything else.
    out.resize(start + encoded_len(input.len(), pad), b'=');
    let Some(dst) = out.get_mut(start..) else { return };
    let (read, written) = simd::encode_blocks(input, dst, alphabet == URL_SAFE);
    let (Some(mut src), Some(mut dst)) = (input.get(read..), dst.get_mut(written..)) else { return };
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

/// Twelve bytes at a time into sixteen symbols with WebAssembly SIMD (the Muła–Lemire method):
/// the encoders' hot loop in the npm package's module.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use core::arch::wasm32::{
        i8x16_add, i8x16_gt, i8x16_shuffle, i8x16_splat, i8x16_swizzle, u32x4_shl, u32x4_shr, u32x4_splat, u64x2,
        u64x2_extract_lane, u8x16_sub_sat, v128, v128_and, v128_or,
    };

    /// What each 6-bit index needs added to become its symbol, indexed as in `symbols`.
    const fn offsets(url: bool) -> [i8; 16] {
        let (c62, c63) = if url { (b'-', b'_') } else { (b'+', b'/') };
        let digit = b'0' as i8 - 52;
        [
            b'a' as i8 - 26,
            digit,
            digit,
            digit,
            digit,
            digit,
            digit,
            digit,
            digit,
            digit,
            digit,
            (c62 as i8).wrapping_sub(62),
            (c63 as i8).wrapping_sub(63),
            b'A' as i8,
            0,
            0,
        ]
    }

    fn load(bytes: &[u8; 16]) -> v128 {
        let (low, high) = bytes.split_at(8);
        let word = |half: &[u8]| u64::from_le_bytes(half.try_into().unwrap_or_default());
        u64x2(word(low), word(high))
    }

    fn store(v: v128, out: &mut [u8; 16]) {
        let (low, high) = out.split_at_mut(8);
        low.copy_from_slice(&u64x2_extract_lane::<0>(v).to_le_bytes());
        high.copy_from_slice(&u64x2_extract_lane::<1>(v).to_le_bytes());
    }

    /// The symbols for the first twelve bytes of `input`.
    fn symbols(input: v128, offsets: v128) -> v128 {
        // Each 32-bit lane gets one 3-byte group [a, b, c] as the bytes [b, a, c, b].
        let lanes = i8x16_shuffle::<1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10>(input, input);
        // The four 6-bit fields of each group, one per byte.
        let high = v128_and(lanes, u32x4_splat(0x0fc0_fc00));
        let high = v128_or(
            v128_and(u32x4_shr(high, 10), u32x4_splat(0x0000_003f)),
            v128_and(u32x4_shr(high, 6), u32x4_splat(0x003f_0000)),
        );
        let low = v128_and(lanes, u32x4_splat(0x003f_03f0));
        let low = v128_or(
            v128_and(u32x4_shl(low, 4), u32x4_splat(0x0000_3f00)),
            v128_and(u32x4_shl(low, 8), u32x4_splat(0x3f00_0000)),
        );
        let indices = v128_or(high, low);
        // 0..=51 → 0 (then 13 for 0..=25), 52..=61 → 1..=10, 62 → 11, 63 → 12: the offset's index.
        let reduced = u8x16_sub_sat(indices, i8x16_splat(51));
        let letters = v128_and(i8x16_gt(i8x16_splat(26), indices), i8x16_splat(13));
        i8x16_add(i8x16_swizzle(offsets, v128_or(reduced, letters)), indices)
    }

    /// Encodes whole 12-byte groups while 16 bytes can be read; returns the bytes read and written.
    pub(super) fn encode_blocks(input: &[u8], out: &mut [u8], url: bool) -> (usize, usize) {
        let offsets = offsets(url);
        let offsets = load(&offsets.map(|o| o as u8));
        let (mut read, mut written) = (0, 0);
        while let (Some(Some(src)), Some(Some(dst))) = (
            input.get(read..read + 16).map(|s| s.first_chunk::<16>()),
            out.get_mut(written..written + 16).map(|d| d.first_chunk_mut::<16>()),
        ) {
            store(symbols(load(src), offsets), dst);
            read += 12;
            written += 16;
        }
        (read, written)
    }
}

/// The portable build encodes with the scalar loop alone.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod simd {
    pub(super) fn encode_blocks(_: &[u8], _: &mut [u8], _: bool) -> (usize, usize) {
        (0, 0)
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

/// Marks a symbol of the standard alphabet only (`+`, `/`) in [`SYMBOLS`].
const STANDARD_ONLY: u8 = 0x40;
/// Marks a symbol of the URL-safe alphabet only (`-`, `_`) in [`SYMBOLS`].
const URL_ONLY: u8 = 0x80;

/// Each byte's 6-bit value in either alphabet, with the alphabet marks above, or 0xff for a byte
/// outside both (no symbol is in both alphabets' own parts, so no entry is 0xff by accident).
#[allow(clippy::indexing_slicing)] // evaluated at compile time, within bounds
const SYMBOLS: [u8; 256] = {
    let mut table = [0xff; 256];
    let mut i = 0;
    while i < 64 {
        let differs = STANDARD[i] != URL_SAFE[i];
        table[STANDARD[i] as usize] = i as u8 | if differs { STANDARD_ONLY } else { 0 };
        table[URL_SAFE[i] as usize] = i as u8 | if differs { URL_ONLY } else { 0 };
        i += 1;
    }
    table
};

/// A symbol's 6-bit value in either alphabet, or `None` for any other byte.
pub(crate) fn sextet(symbol: u8) -> Option<u8> {
    SYMBOLS.get(usize::from(symbol)).filter(|&&value| value != 0xff).map(|value| value & 0x3f)
}

/// The one form a canonical decoder accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Canonical {
    /// The URL-safe alphabet without padding (JWT segments).
    UrlUnpadded,
    /// `=` padding, and one alphabet: standard, or URL-safe (T1 bodies: every SDK writes the
    /// standard alphabet but Java, which writes the URL-safe one).
    Padded,
}

/// Decodes base64 without allocating: written in either alphabet (or a mix, as session ids are),
/// with or without `=` padding, unused low bits of the last symbol ignored, as Node does; or
/// strictly ([`Decoder::canonical`]), so that one byte string has one encoding.
pub(crate) struct Decoder<'a> {
    body: &'a [u8],
    padded: bool,
    canonical: Option<Canonical>,
}

impl<'a> Decoder<'a> {
    /// A lenient decoder for `input`, or `None` for misplaced padding or an impossible length.
    pub(crate) fn new(input: &'a [u8]) -> Option<Self> {
        let body = input.strip_suffix(b"==").or_else(|| input.strip_suffix(b"=")).unwrap_or(input);
        if (input.len() != body.len() && input.len() % 4 != 0) || body.len() % 4 == 1 {
            return None;
        }
        Some(Self { body, padded: input.len() != body.len(), canonical: None })
    }

    /// A strict decoder: the unused low bits of the last symbol must be zero, and the text must be
    /// in `form` alone (checked while decoding).
    pub(crate) fn canonical(input: &'a [u8], form: Canonical) -> Option<Self> {
        if form == Canonical::Padded && input.len() % 4 != 0 {
            return None;
        }
        Self::new(input).map(|decoder| Self { canonical: Some(form), ..decoder })
    }

    /// Appends the decoded bytes to `out`; with `may_grow` false, fails rather than reallocate
    /// `out` (whose old copy would be left behind: for key bytes). One copy of the loop for every
    /// caller that only collects bytes.
    #[inline(never)]
    pub(crate) fn decode_into(self, out: &mut Vec<u8>, may_grow: bool) -> Option<()> {
        let mut fits = true;
        self.for_each(|b| {
            if may_grow || out.len() < out.capacity() {
                out.push(b);
            } else {
                fits = false;
            }
        })?;
        fits.then_some(())
    }

    /// Hands each decoded byte to `f`, four symbols at a time; `None` (after some calls) if a
    /// symbol is outside the alphabet or, for a canonical decoder, unused bits are set or the text
    /// is not in its form.
    pub(crate) fn for_each(self, mut f: impl FnMut(u8)) -> Option<()> {
        // Every symbol's marks, ORed: which alphabets the text used.
        let mut seen = 0u8;
        let mut sextet = |symbol: u8| -> Option<u32> {
            let value = *SYMBOLS.get(usize::from(symbol))?;
            if value == 0xff {
                return None;
            }
            seen |= value;
            Some(u32::from(value & 0x3f))
        };
        // Whole groups of four symbols first, unrolled; then the last, shorter group if any.
        let whole = self.body.len() / 4 * 4;
        let (body, tail) = self.body.split_at(whole);
        for group in body.chunks_exact(4) {
            let &[a, b, c, d] = group else { return None };
            let n = (sextet(a)? << 18) | (sextet(b)? << 12) | (sextet(c)? << 6) | sextet(d)?;
            f((n >> 16) as u8);
            f((n >> 8) as u8);
            f(n as u8);
        }
        if !tail.is_empty() {
            // 2 symbols give 1 byte, 3 give 2.
            let mut n = 0u32;
            for &symbol in tail {
                n = (n << 6) | sextet(symbol)?;
            }
            let count = tail.len() - 1;
            let unused = 6 * tail.len() as u32 - 8 * count as u32;
            if self.canonical.is_some() && n & ((1 << unused) - 1) != 0 {
                return None;
            }
            n <<= 6 * (4 - tail.len() as u32);
            for byte in [(n >> 16) as u8, (n >> 8) as u8, n as u8].iter().take(count) {
                f(*byte);
            }
        }
        match self.canonical {
            Some(Canonical::UrlUnpadded) if self.padded || seen & STANDARD_ONLY != 0 => None,
            Some(Canonical::Padded) if seen & (STANDARD_ONLY | URL_ONLY) == STANDARD_ONLY | URL_ONLY => None,
            _ => Some(()),
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
        let mut out = Vec::new();
        Decoder::new(input)?.for_each(|b| out.push(b))?;
        Some(out)
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
    fn canonical_decoding_has_one_encoding_per_byte_string() {
        let decode = |input: &[u8], alphabet| {
            let mut out = Vec::new();
            Decoder::canonical(input, alphabet)?.for_each(|b| out.push(b))?;
            Some(out)
        };
        let (url, padded) = (Canonical::UrlUnpadded, Canonical::Padded);
        assert_eq!(decode(b"Zg", url).as_deref(), Some(&b"f"[..]));
        assert_eq!(decode(b"Zh", url), None); // unused bits set
        assert_eq!(decode(b"Zm8", url).as_deref(), Some(&b"fo"[..]));
        assert_eq!(decode(b"Zm9", url), None);
        assert_eq!(decode(b"-_8", url).as_deref(), Some(&[0xfb, 0xff][..]));
        assert_eq!(decode(b"+/8", url), None); // the standard alphabet in a JWT
        assert_eq!(decode(b"Zg==", url), None); // padding in a JWT
        assert_eq!(decode(b"+/8=", padded).as_deref(), Some(&[0xfb, 0xff][..]));
        assert_eq!(decode(b"-_8=", padded).as_deref(), Some(&[0xfb, 0xff][..])); // Java's T1
        assert_eq!(decode(b"Zg==", padded).as_deref(), Some(&b"f"[..]));
        assert_eq!(decode(b"Zg", padded), None); // a T1 body without its padding
        assert_eq!(decode(b"Zh==", padded), None);
        assert_eq!(decode(b"+_8=", padded), None); // both alphabets in one body
    }

    #[test]
    fn rejects_malformed_input() {
        for bad in [&b"Zg="[..], b"Z", b"Zm9vY", b"Zm 9v", b"Zm9v!", b"=Zm9", b"Zg===", b"Z=g="] {
            assert_eq!(decode(bad), None, "{:?}", core::str::from_utf8(bad));
        }
    }
}
