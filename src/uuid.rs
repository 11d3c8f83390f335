//! UUIDs: the check for application ids, and random (version 4) UUIDs for `jti` claims.

use core::fmt;

use crate::error::{fail, ErrorReason, Result};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// A token id (`jti` claim): a random version 4 UUID, written in lower case.
///
/// ```
/// let jti = vonage_video_token::Jti::from_random([0xff; 16]);
/// assert_eq!(jti.as_str(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Jti([u8; 36]);

impl Jti {
    /// The version 4 UUID made from 16 random bytes (6 of their bits become the version and variant).
    #[must_use]
    pub fn from_random(mut bytes: [u8; 16]) -> Self {
        if let Some(version) = bytes.get_mut(6) {
            *version = (*version & 0x0f) | 0x40;
        }
        if let Some(variant) = bytes.get_mut(8) {
            *variant = (*variant & 0x3f) | 0x80;
        }
        let mut text = [b'-'; 36];
        let mut at = 0;
        for (i, byte) in bytes.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                at += 1;
            }
            if let Some(pair) = text.get_mut(at..at + 2) {
                let digit = |nibble: u8| HEX.get(usize::from(nibble)).copied().unwrap_or(b'0');
                pair.copy_from_slice(&[digit(byte >> 4), digit(byte & 15)]);
            }
            at += 2;
        }
        Self(text)
    }

    /// A fresh one from the platform's secure random source.
    ///
    /// # Errors
    /// [`ErrorCode::NoRandomness`](crate::ErrorCode::NoRandomness) when there is none.
    #[cfg(feature = "std")]
    pub fn random() -> Result<Self> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|_| fail(ErrorReason::NoRandomness))?;
        Ok(Self::from_random(bytes))
    }

    /// The UUID text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Debug for Jti {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Jti").field(&self.as_str()).finish()
    }
}

/// Checks that `id` is a UUID: 8-4-4-4-12 hexadecimal digits, either case, any version.
pub(crate) fn check_application_id(id: &str) -> Result<()> {
    let bytes = id.as_bytes();
    let well_formed = bytes.len() == 36
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| if matches!(i, 8 | 13 | 18 | 23) { *b == b'-' } else { b.is_ascii_hexdigit() });
    if well_formed {
        Ok(())
    } else {
        Err(fail(ErrorReason::ApplicationId))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v4_layout() {
        let jti = Jti::from_random([0; 16]);
        assert_eq!(jti.as_str(), "00000000-0000-4000-8000-000000000000");
        let jti = Jti::from_random(*b"\x01\x23\x45\x67\x89\xab\xcd\xef\x01\x23\x45\x67\x89\xab\xcd\xef");
        assert_eq!(jti.as_str(), "01234567-89ab-4def-8123-456789abcdef");
        assert!(check_application_id(jti.as_str()).is_ok());
    }

    #[test]
    fn application_ids() {
        for ok in ["29f760f8-7ce1-46c9-ade3-f2dedee4ed5f", "D5E57267-1BD2-4D76-AA53-C1C1542EFC14"] {
            assert!(check_application_id(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "abcd-1234",
            "29f760f8-7ce1-46c9-ade3-f2dedee4ed5",
            "29f760f8x7ce1-46c9-ade3-f2dedee4ed5f",
            "29f760f8-7ce1-46c9-ade3-f2dedee4ed5g",
            "123456",
        ] {
            assert!(check_application_id(bad).is_err(), "{bad}");
        }
    }
}
