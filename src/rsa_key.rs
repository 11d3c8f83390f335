//! RSA keys in PEM: just enough DER to check a key and to hand it to an RSA implementation
//! (WebCrypto's `importKey`, or the Rust crate of the caller's choice) in the form it expects.
//! This crate never computes with RSA itself.

use alloc::vec::Vec;
use zeroize::Zeroizing;

use crate::base64::Decoder;
use crate::error::{fail, ErrorReason, Result};
use crate::limits::{utf16_len_exceeds, MAX_KEY_PEM_LENGTH};

/// The smallest RSA modulus accepted, in bits.
pub const MIN_RSA_BITS: usize = 2048;
/// The largest RSA modulus accepted, in bits (what WebCrypto implementations accept).
pub const MAX_RSA_BITS: usize = 16384;

const SEQUENCE: u8 = 0x30;
const INTEGER: u8 = 0x02;
const OCTET_STRING: u8 = 0x04;
const BIT_STRING: u8 = 0x03;
const NULL: u8 = 0x05;
const OID: u8 = 0x06;
/// 1.2.840.113549.1.1.1, rsaEncryption.
const RSA_ENCRYPTION: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

/// Reads DER: definite lengths only, every read bounds-checked.
struct Der<'a>(&'a [u8]);

impl<'a> Der<'a> {
    /// The contents of the next element, which must have tag `tag`.
    fn read(&mut self, tag: u8) -> Option<&'a [u8]> {
        let (&found, rest) = self.0.split_first()?;
        if found != tag {
            return None;
        }
        let (&first, mut rest) = rest.split_first()?;
        let len = if first < 0x80 {
            usize::from(first)
        } else {
            let count = usize::from(first & 0x7f);
            if count == 0 || count > 3 {
                return None;
            }
            let (bytes, after) = rest.split_at_checked(count)?;
            rest = after;
            bytes.iter().fold(0, |len, &b| (len << 8) | usize::from(b))
        };
        let (contents, after) = rest.split_at_checked(len)?;
        self.0 = after;
        Some(contents)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A buffer for private key bytes that never reallocates: a reallocation would leave the old
/// copy behind in freed memory, unzeroed. It is given its capacity up front, a write past that
/// fails ([`Sink::put`]), and it is zeroed on drop.
type KeyBytes = Zeroizing<Vec<u8>>;

/// A [`KeyBytes`] of `capacity` bytes.
fn key_bytes(capacity: usize) -> KeyBytes {
    Zeroizing::new(Vec::with_capacity(capacity))
}

/// Where DER is written: a growable Vec for public bytes, a [`KeyBytes`] for private ones.
trait Sink {
    fn put(&mut self, bytes: &[u8]) -> Option<()>;
}

impl Sink for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) -> Option<()> {
        self.extend_from_slice(bytes);
        Some(())
    }
}

impl Sink for KeyBytes {
    /// Appends `bytes`, or fails (leaving the buffer as it was) if they do not fit.
    fn put(&mut self, bytes: &[u8]) -> Option<()> {
        (self.capacity() - self.len() >= bytes.len()).then(|| self.extend_from_slice(bytes))
    }
}

/// Appends a DER element.
fn push_element(out: &mut impl Sink, tag: u8, contents: &[u8]) -> Option<()> {
    out.put(&[tag])?;
    let len = contents.len();
    if len < 0x80 {
        out.put(&[len as u8])?;
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        let significant = bytes.get(skip..).unwrap_or_default();
        out.put(&[0x80 | significant.len() as u8])?;
        out.put(significant)?;
    }
    out.put(contents)
}

/// The AlgorithmIdentifier of rsaEncryption, with its NULL parameters.
fn rsa_algorithm() -> Vec<u8> {
    let mut identifier = Vec::new();
    let mut algorithm = Vec::new();
    push_element(&mut identifier, OID, RSA_ENCRYPTION)
        .and_then(|()| push_element(&mut identifier, NULL, &[]))
        .and_then(|()| push_element(&mut algorithm, SEQUENCE, &identifier));
    algorithm
}

/// The size in bits of a positive DER INTEGER's value.
fn integer_bits(integer: &[u8]) -> usize {
    let significant = integer.iter().position(|&b| b != 0).map_or(&[][..], |at| integer.get(at..).unwrap_or_default());
    match significant.first() {
        Some(&lead) => significant.len() * 8 - lead.leading_zeros() as usize,
        None => 0,
    }
}

/// Whether a DER INTEGER is positive (its sign bit clear) and at least `min`'s bit length, odd
/// if asked.
fn integer_at_least(integer: &[u8], min_bits: usize, odd: bool) -> bool {
    integer.first().is_some_and(|&b| b & 0x80 == 0)
        && integer_bits(integer) >= min_bits
        && (!odd || integer.last().is_some_and(|&b| b & 1 == 1))
}

/// What a PKCS#1 key holds: the modulus and public exponent, and whether the whole key can be
/// used (an odd modulus, an odd public exponent of at least 3; for a private key, every other
/// component greater than 1). `None` if it is not PKCS#1 at all.
fn pkcs1_public_parts(der: &[u8], private: bool) -> Option<(&[u8], &[u8], bool)> {
    let mut outer = Der(der);
    let mut key = Der(outer.read(SEQUENCE)?);
    if !outer.is_empty() {
        return None;
    }
    if private && key.read(INTEGER)? != [0] {
        return None; // two-prime keys only (version 0)
    }
    let modulus = key.read(INTEGER)?;
    let exponent = key.read(INTEGER)?;
    // 1 < e < n, both odd: an even or tiny exponent, or an even modulus, cannot be an RSA key.
    let mut usable = integer_at_least(modulus, 2, true)
        && integer_at_least(exponent, 2, true)
        && integer_bits(exponent) <= integer_bits(modulus);
    if private {
        for _ in 0..6 {
            // d, p, q, dp, dq, qinv: each greater than 1.
            usable &= integer_at_least(key.read(INTEGER)?, 2, false);
        }
    }
    (key.is_empty() && modulus.first().is_some_and(|&b| b & 0x80 == 0)).then_some((modulus, exponent, usable))
}

/// An RSAPublicKey (PKCS#1) for `modulus` and `exponent`, wrapped as a SubjectPublicKeyInfo.
fn spki(modulus: &[u8], exponent: &[u8]) -> Vec<u8> {
    let mut integers = Vec::new();
    let mut public_key = Vec::new();
    let mut bits = alloc::vec![0]; // no unused bits
    let mut info = rsa_algorithm();
    let mut out = Vec::new();
    push_element(&mut integers, INTEGER, modulus)
        .and_then(|()| push_element(&mut integers, INTEGER, exponent))
        .and_then(|()| push_element(&mut public_key, SEQUENCE, &integers))
        .and_then(|()| bits.put(&public_key))
        .and_then(|()| push_element(&mut info, BIT_STRING, &bits))
        .and_then(|()| push_element(&mut out, SEQUENCE, &info));
    out
}

/// The label and DER body of one PEM block. Line breaks may be real or written as the two
/// characters `\n` (as keys often are in environment variables); other text is refused.
fn pem(text: &str) -> Option<(&str, KeyBytes)> {
    let text = text.trim();
    let rest = text.strip_prefix("-----BEGIN ")?;
    // By bytes rather than str::split_once, whose searcher would weigh on the module's size.
    let dashes = rest.as_bytes().windows(5).position(|window| window == b"-----")?;
    let (label, rest) = (rest.get(..dashes)?, rest.get(dashes + 5..)?);
    let body = rest.strip_suffix("-----")?.strip_suffix(label)?.strip_suffix("-----END ")?;
    // At most one base64 symbol per byte of the body, at most 3 bytes per 4 symbols plus 2 for a
    // last group without its padding: neither buffer ever needs to grow.
    let mut base64 = key_bytes(body.len());
    let mut bytes = body.as_bytes().iter();
    while let Some(&b) = bytes.next() {
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => {}
            b'\\' if bytes.next() == Some(&b'n') => {}
            _ => base64.put(&[b])?,
        }
    }
    let mut der = key_bytes(base64.as_slice().len() / 4 * 3 + 2);
    Decoder::new(base64.as_slice())?.decode_into(&mut der, false)?;
    Some((label, der))
}

/// An RSA private key from PEM, checked: PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1
/// (`BEGIN RSA PRIVATE KEY`), two primes, a modulus of 2048 to 16384 bits. Holds it as PKCS#8 DER,
/// zeroed on drop; implements neither `Debug` nor `Clone`.
///
/// ```
/// # let pem = include_str!("../tests/vectors/rsa-2048.pem");
/// let key = vonage_video_token::RsaPrivateKey::from_pem(pem)?;
/// assert_eq!(key.modulus_bits(), 2048);
/// # Ok::<(), vonage_video_token::Error>(())
/// ```
pub struct RsaPrivateKey {
    pkcs8: Zeroizing<Vec<u8>>,
    public: Vec<u8>,
    bits: usize,
}

impl RsaPrivateKey {
    /// Reads and checks a PEM private key.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidPrivateKey`](crate::ErrorCode::InvalidPrivateKey) for text longer than
    /// [`MAX_KEY_PEM_LENGTH`](crate::MAX_KEY_PEM_LENGTH), anything but a PEM RSA private key, or a
    /// modulus outside 2048 to 16384 bits.
    pub fn from_pem(pem_text: &str) -> Result<Self> {
        if utf16_len_exceeds(pem_text, MAX_KEY_PEM_LENGTH) {
            return Err(fail(ErrorReason::PrivateKeyTooLong));
        }
        let invalid = fail(ErrorReason::PrivateKey);
        let (label, der) = pem(pem_text).ok_or(invalid)?;
        let der = der.as_slice();
        let (pkcs8, pkcs1) = match label {
            "PRIVATE KEY" => {
                let mut outer = Der(der);
                let mut info = Der(outer.read(SEQUENCE).ok_or(invalid)?);
                let version = info.read(INTEGER).ok_or(invalid)?;
                let mut algorithm = Der(info.read(SEQUENCE).ok_or(invalid)?);
                let is_rsa = algorithm.read(OID) == Some(RSA_ENCRYPTION);
                let key = info.read(OCTET_STRING).ok_or(invalid)?;
                if !outer.is_empty() || version != [0] || !is_rsa {
                    return Err(invalid);
                }
                (Zeroizing::new(der.to_vec()), Zeroizing::new(key.to_vec()))
            }
            "RSA PRIVATE KEY" => {
                // The version (3 bytes), the algorithm (15) and the OCTET STRING's header (at most
                // 4); then the SEQUENCE's header (at most 4).
                let mut info = key_bytes(der.len() + 32);
                push_element(&mut info, INTEGER, &[0])
                    .and_then(|()| info.put(&rsa_algorithm()))
                    .and_then(|()| push_element(&mut info, OCTET_STRING, der))
                    .ok_or(invalid)?;
                let mut pkcs8 = key_bytes(info.as_slice().len() + 8);
                push_element(&mut pkcs8, SEQUENCE, info.as_slice()).ok_or(invalid)?;
                (pkcs8, Zeroizing::new(der.to_vec()))
            }
            _ => return Err(invalid),
        };
        let (modulus, exponent, usable) = pkcs1_public_parts(&pkcs1, true).ok_or(invalid)?;
        let bits = integer_bits(modulus);
        if !(MIN_RSA_BITS..=MAX_RSA_BITS).contains(&bits) {
            return Err(fail(ErrorReason::PrivateKeySize));
        }
        if !usable {
            return Err(fail(ErrorReason::PrivateKeyUnusable));
        }
        Ok(Self { public: spki(modulus, exponent), pkcs8, bits })
    }

    /// The key as PKCS#8 DER (what WebCrypto's `importKey('pkcs8', …)` takes).
    #[must_use]
    pub fn pkcs8_der(&self) -> &[u8] {
        &self.pkcs8
    }

    /// The public key as SubjectPublicKeyInfo DER (`importKey('spki', …)`).
    #[must_use]
    pub fn public_key_der(&self) -> &[u8] {
        &self.public
    }

    /// The size of the modulus in bits.
    #[must_use]
    pub fn modulus_bits(&self) -> usize {
        self.bits
    }
}

/// An RSA public key from PEM: SubjectPublicKeyInfo (`BEGIN PUBLIC KEY`), PKCS#1
/// (`BEGIN RSA PUBLIC KEY`), or the public half of a private key in either form. Holds it as
/// SubjectPublicKeyInfo DER.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RsaPublicKey {
    spki: Vec<u8>,
    bits: usize,
}

impl RsaPublicKey {
    /// Reads and checks a PEM public (or private) RSA key.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidPublicKey`](crate::ErrorCode::InvalidPublicKey) for text longer than
    /// [`MAX_KEY_PEM_LENGTH`](crate::MAX_KEY_PEM_LENGTH), anything but a PEM RSA key, or a modulus
    /// outside 2048 to 16384 bits.
    pub fn from_pem(pem_text: &str) -> Result<Self> {
        let invalid = fail(ErrorReason::PublicKey);
        if utf16_len_exceeds(pem_text, MAX_KEY_PEM_LENGTH) {
            return Err(invalid);
        }
        let (label, der) = pem(pem_text).ok_or(invalid)?;
        let der = der.as_slice();
        let (modulus, exponent) = match label {
            "PUBLIC KEY" => {
                let mut outer = Der(der);
                let mut info = Der(outer.read(SEQUENCE).ok_or(invalid)?);
                let mut algorithm = Der(info.read(SEQUENCE).ok_or(invalid)?);
                let is_rsa = algorithm.read(OID) == Some(RSA_ENCRYPTION);
                let bits = info.read(BIT_STRING).ok_or(invalid)?;
                if !outer.is_empty() || !is_rsa {
                    return Err(invalid);
                }
                let (_, key) = bits.split_first().filter(|(&unused, _)| unused == 0).ok_or(invalid)?;
                pkcs1_public_parts(key, false)
                    .filter(|&(_, _, usable)| usable)
                    .map(|(n, e, _)| (n.to_vec(), e.to_vec()))
            }
            "RSA PUBLIC KEY" => pkcs1_public_parts(der, false)
                .filter(|&(_, _, usable)| usable)
                .map(|(n, e, _)| (n.to_vec(), e.to_vec())),
            "PRIVATE KEY" | "RSA PRIVATE KEY" => {
                let key = RsaPrivateKey::from_pem(pem_text).map_err(|_| invalid)?;
                return Ok(Self { spki: key.public.clone(), bits: key.bits });
            }
            _ => None,
        }
        .ok_or(invalid)?;
        let bits = integer_bits(&modulus);
        if !(MIN_RSA_BITS..=MAX_RSA_BITS).contains(&bits) {
            return Err(invalid);
        }
        Ok(Self { spki: spki(&modulus, &exponent), bits })
    }

    /// The key as SubjectPublicKeyInfo DER (what WebCrypto's `importKey('spki', …)` takes).
    #[must_use]
    pub fn spki_der(&self) -> &[u8] {
        &self.spki
    }

    /// The size of the modulus in bits.
    #[must_use]
    pub fn modulus_bits(&self) -> usize {
        self.bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    const PKCS8: &str = include_str!("../tests/vectors/rsa-2048.pem");
    const PKCS1: &str = include_str!("../tests/vectors/rsa-2048-pkcs1.pem");
    const SPKI: &str = include_str!("../tests/vectors/rsa-2048-public.pem");
    const SMALL: &str = include_str!("../tests/vectors/rsa-1024.pem");
    const EC: &str = include_str!("../tests/vectors/ec-p256.pem");

    #[test]
    fn pkcs8_and_pkcs1_give_the_same_key() {
        let a = RsaPrivateKey::from_pem(PKCS8).unwrap();
        let b = RsaPrivateKey::from_pem(PKCS1).unwrap();
        assert_eq!(a.modulus_bits(), 2048);
        assert_eq!(a.pkcs8_der(), b.pkcs8_der());
        assert_eq!(a.public_key_der(), b.public_key_der());
        assert_eq!(RsaPublicKey::from_pem(SPKI).unwrap().spki_der(), a.public_key_der());
        assert_eq!(RsaPublicKey::from_pem(PKCS8).unwrap().spki_der(), a.public_key_der());
    }

    /// The nine INTEGERs of the PKCS#1 test key (version, n, e, d, p, q, dp, dq, qinv).
    fn pkcs1_integers() -> Vec<Vec<u8>> {
        let (_, der) = pem(PKCS1).unwrap();
        let mut outer = Der(der.as_slice());
        let mut key = Der(outer.read(SEQUENCE).unwrap());
        (0..9).map(|_| key.read(INTEGER).unwrap().to_vec()).collect()
    }

    /// A PKCS#1 PEM of `integers`, its base64 on 64-character lines.
    fn pkcs1_pem(integers: &[Vec<u8>]) -> String {
        let mut body = Vec::new();
        for integer in integers {
            push_element(&mut body, INTEGER, integer).unwrap();
        }
        let mut der = Vec::new();
        push_element(&mut der, SEQUENCE, &body).unwrap();
        let mut base64 = Vec::new();
        crate::base64::encode_standard(&mut base64, &der);
        let text = String::from_utf8(base64).unwrap();
        let lines: Vec<&str> = text.as_bytes().chunks(64).map(|line| core::str::from_utf8(line).unwrap()).collect();
        alloc::format!("-----BEGIN RSA PRIVATE KEY-----\n{}\n-----END RSA PRIVATE KEY-----\n", lines.join("\n"))
    }

    #[test]
    fn a_key_that_cannot_sign_is_refused() {
        let integers = pkcs1_integers();
        assert!(RsaPrivateKey::from_pem(&pkcs1_pem(&integers)).is_ok(), "the rebuilt key itself is fine");
        let with = |index: usize, value: &[u8]| {
            let mut changed = integers.clone();
            changed[index] = value.to_vec();
            RsaPrivateKey::from_pem(&pkcs1_pem(&changed)).err().map(|e| e.reason())
        };
        let unusable = Some(ErrorReason::PrivateKeyUnusable);
        for e in [&[0u8][..], &[1], &[2], &[0x01, 0x00, 0x00], &[0x01, 0x00, 0x02]] {
            assert_eq!(with(2, e), unusable, "e = {e:?}");
        }
        let mut even_modulus = integers[1].clone();
        *even_modulus.last_mut().unwrap() &= 0xfe;
        assert_eq!(with(1, &even_modulus), unusable, "an even modulus");
        for index in 3..9 {
            assert_eq!(with(index, &[1]), unusable, "component {index} of 1");
            assert_eq!(with(index, &[0]), unusable, "component {index} of 0");
            assert_eq!(with(index, &[0x80]), unusable, "component {index} negative");
        }
        // The public half of such a key is refused too.
        let mut changed = integers.clone();
        changed[2] = alloc::vec![1];
        assert_eq!(
            RsaPublicKey::from_pem(&pkcs1_pem(&changed)).err().map(|e| e.code()),
            Some(ErrorCode::InvalidPublicKey)
        );
        assert_eq!(with(2, &[0x01, 0x00, 0x01]), None, "e = 65537");
        assert_eq!(with(2, &[3]), None, "e = 3");
    }

    #[test]
    fn a_pem_without_its_padding_reads_without_any_buffer_growing() {
        let unpadded = include_str!("../tests/vectors/rsa-2048-pkcs1-unpadded.pem");
        let (_, der) = pem(unpadded).unwrap();
        assert_ne!(der.as_slice().len() % 3, 0, "the test key's base64 must need padding");
        assert_eq!(RsaPrivateKey::from_pem(unpadded).unwrap().modulus_bits(), 2048);
        let padding = "=".repeat(3 - der.as_slice().len() % 3);
        let padded = unpadded.replace("\n-----END", &alloc::format!("{padding}\n-----END"));
        assert_eq!(
            RsaPrivateKey::from_pem(unpadded).unwrap().pkcs8_der(),
            RsaPrivateKey::from_pem(&padded).unwrap().pkcs8_der()
        );
        // The class: a key buffer refuses to grow rather than reallocate.
        let mut bytes = key_bytes(2);
        assert_eq!(bytes.put(b"ab"), Some(()));
        assert_eq!(bytes.put(b"c"), None);
        assert_eq!(bytes.as_slice(), b"ab");
    }

    #[test]
    fn line_breaks_written_as_backslash_n_are_accepted() {
        let escaped = PKCS8.trim().replace('\n', "\\n");
        assert!(RsaPrivateKey::from_pem(&escaped).is_ok());
    }

    #[test]
    fn bad_keys_are_rejected() {
        let code = |pem: &str| RsaPrivateKey::from_pem(pem).err().map(|e| e.reason());
        assert_eq!(code(SMALL), Some(ErrorReason::PrivateKeySize));
        assert_eq!(code(EC), Some(ErrorReason::PrivateKey));
        assert_eq!(code(SPKI), Some(ErrorReason::PrivateKey));
        assert_eq!(code(""), Some(ErrorReason::PrivateKey));
        assert_eq!(
            code("-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----"),
            Some(ErrorReason::PrivateKey)
        );
        assert_eq!(code(&PKCS8.replace("END PRIVATE", "END RSA PRIVATE")), Some(ErrorReason::PrivateKey));
        let truncated = PKCS8.replacen("MII", "MIH", 1);
        assert_eq!(code(&truncated), Some(ErrorReason::PrivateKey));
        assert_eq!(code(&"A".repeat(MAX_KEY_PEM_LENGTH + 1)), Some(ErrorReason::PrivateKeyTooLong));
        assert_eq!(RsaPrivateKey::from_pem(EC).err().map(|e| e.code()), Some(ErrorCode::InvalidPrivateKey));
        assert_eq!(RsaPublicKey::from_pem(EC).err().map(|e| e.code()), Some(ErrorCode::InvalidPublicKey));
        assert_eq!(RsaPublicKey::from_pem(SMALL).err().map(|e| e.code()), Some(ErrorCode::InvalidPublicKey));
    }
}
