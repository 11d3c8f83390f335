//! The nonce: a random number in `[0, 1)` written exactly as JavaScript's `Number#toString`
//! writes it, the form opentok-node puts in every token.

use core::fmt;

use crate::error::{fail, ErrorReason, Result};

/// Longest text JavaScript writes for a number in `[0, 1)` (`0.` + 6 zeros + 17 digits is 25).
const CAPACITY: usize = 32;

/// A token nonce: a number in `[0, 1)`, kept as the text that goes into the token.
///
/// ```
/// use vonage_video_token::Nonce;
/// assert_eq!(Nonce::new(0.3942609881050885)?.as_str(), "0.3942609881050885");
/// assert_eq!(Nonce::new(1e-7)?.as_str(), "1e-7");
/// assert_eq!(Nonce::from_js_text("0.5")?, Nonce::new(0.5)?);
/// assert!(Nonce::new(1.0).is_err());
/// # Ok::<(), vonage_video_token::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Nonce {
    text: [u8; CAPACITY],
    len: u8,
}

impl Nonce {
    /// The nonce for `value`, written as JavaScript writes the number.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidNonce`](crate::ErrorCode::InvalidNonce) unless `value` is in `[0, 1)`.
    pub fn new(value: f64) -> Result<Self> {
        if !(0.0..1.0).contains(&value) {
            return Err(fail(ErrorReason::Nonce));
        }
        // `+ 0.0` turns -0 into +0, which JS writes as "0".
        Self::from_js_text(ryu_js::Buffer::new().format(value + 0.0))
    }

    /// A nonce from the text a JavaScript host wrote with `String(number)` for a number in
    /// `[0, 1)`: `0`, `0.` and digits, or `d[.digits]e-N`.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidNonce`](crate::ErrorCode::InvalidNonce) for any other text.
    pub fn from_js_text(text: &str) -> Result<Self> {
        let bytes = text.as_bytes();
        if bytes.len() > CAPACITY || !is_js_unit_interval_number(bytes) {
            return Err(fail(ErrorReason::Nonce));
        }
        let mut nonce = Self { text: [0; CAPACITY], len: bytes.len() as u8 };
        if let Some(slot) = nonce.text.get_mut(..bytes.len()) {
            slot.copy_from_slice(bytes);
        }
        Ok(nonce)
    }

    /// A fresh nonce with 53 random bits from the platform's secure random source (the shape of
    /// opentok-node's `Math.random()` nonce).
    ///
    /// # Errors
    /// [`ErrorCode::NoRandomness`](crate::ErrorCode::NoRandomness) when there is none.
    #[cfg(feature = "std")]
    pub fn random() -> Result<Self> {
        let bits = getrandom::u64().map_err(|_| fail(ErrorReason::NoRandomness))?;
        Self::new((bits >> 11) as f64 / 9_007_199_254_740_992.0)
    }

    /// The text that goes into the token.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, '.', 'e' and '-' are ever stored.
        core::str::from_utf8(self.text.get(..usize::from(self.len)).unwrap_or_default()).unwrap_or_default()
    }
}

impl fmt::Debug for Nonce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Nonce").field(&self.as_str()).finish()
    }
}

/// `0`, `0.d+`, or `[1-9](.d+)?e-d+`: what JS writes for a number in `[0, 1)`.
fn is_js_unit_interval_number(text: &[u8]) -> bool {
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    match text {
        [b'0'] => true,
        [b'0', b'.', rest @ ..] => digits(rest),
        [b'1'..=b'9', rest @ ..] => {
            let (mantissa, exponent) = match rest.iter().position(|&b| b == b'e') {
                Some(at) => rest.split_at(at),
                None => return false,
            };
            let mantissa_ok = match mantissa {
                [] => true,
                [b'.', fraction @ ..] => digits(fraction),
                _ => false,
            };
            mantissa_ok && matches!(exponent, [b'e', b'-', exp @ ..] if digits(exp))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_as_javascript_writes_numbers() {
        let cases = [
            (0.3942609881050885, "0.3942609881050885"),
            (0.0, "0"),
            (-0.0, "0"),
            (0.5, "0.5"),
            (1e-7, "1e-7"),
            (1.5e-7, "1.5e-7"),
            (0.000001, "0.000001"),
            (5e-324, "5e-324"),
            (1.1102230246251565e-16, "1.1102230246251565e-16"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0 - f64::EPSILON / 2.0, "0.9999999999999999"),
            (0.0000012345678901234567, "0.0000012345678901234567"),
        ];
        for (value, text) in cases {
            assert_eq!(Nonce::new(value).map(|n| n.as_str().to_owned()), Ok(text.to_owned()), "{value}");
            assert_eq!(Nonce::from_js_text(text), Nonce::new(value));
        }
    }

    #[test]
    fn out_of_range_values_are_rejected() {
        for value in [1.0, -0.1, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 2.0] {
            assert_eq!(Nonce::new(value).map_err(|e| e.reason()), Err(ErrorReason::Nonce), "{value}");
        }
    }

    #[test]
    fn text_must_be_a_javascript_number_in_the_unit_interval() {
        for bad in [
            "",
            "\"",
            "0.5,\"x\":1",
            "NaN",
            "Infinity",
            "1e+21",
            "0.5 ",
            "1",
            "9",
            "0.",
            ".5",
            "00.5",
            "1e-",
            "1.e-7",
            "1.5e7",
            "-0.5",
            "0e-7",
            "1e-7e-7",
            &"0.".repeat(20),
        ] {
            assert!(Nonce::from_js_text(bad).is_err(), "{bad:?}");
        }
    }
}
