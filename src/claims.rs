//! The claim values of one token, computed and validated exactly as opentok-node computes them.

use crate::error::{Error, ErrorCode};
use crate::options::{Role, TokenOptions};

/// Longest connection data, in UTF-16 code units (the stricter of the official SDKs' limits).
pub const MAX_DATA_LENGTH: usize = 1000;
/// Longest joined layout class list, in UTF-16 code units.
pub const MAX_LAYOUT_CLASS_LIST_LENGTH: usize = 1024;
/// Latest allowed expiry, in seconds after the token's creation time (30 days).
pub const MAX_LIFETIME_SECONDS: i64 = 30 * 24 * 60 * 60;
/// Default lifetime, in seconds (24 hours).
pub const DEFAULT_LIFETIME_SECONDS: i64 = 24 * 60 * 60;
/// The largest clock value a JS `Date` can hold, in milliseconds.
const MAX_CLOCK_MS: f64 = 8.64e15;

/// The values that go into a token.
pub(crate) struct Claims<'a> {
    pub iat: i64,
    pub exp: i64,
    pub create_time: i64,
    pub expire_time: i64,
    pub nonce: f64,
    pub session_id: &'a str,
    pub role: Role,
    pub connection_data: Option<&'a str>,
    pub initial_layout_class_list: &'a str,
}

/// JS `Math.round`: halves round towards +∞.
fn js_round(x: f64) -> f64 {
    let floor = x.floor();
    if x - floor >= 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

/// Length in UTF-16 code units, counting only when the byte length could exceed `limit`.
fn utf16_len_exceeds(s: &str, limit: usize) -> bool {
    s.len() > limit && s.encode_utf16().count() > limit
}

/// Checks a clock reading (ms since the epoch) and nonce given by the caller.
pub(crate) fn check_fixed(now_ms: f64, nonce: f64) -> Result<(), Error> {
    if !(0.0..=MAX_CLOCK_MS).contains(&now_ms) {
        return Err(Error::new(
            ErrorCode::InvalidOptions,
            "fixed.now must be a clock reading in milliseconds between 0 and 8.64e15",
        ));
    }
    if !(0.0..1.0).contains(&nonce) {
        return Err(Error::new(ErrorCode::InvalidOptions, "fixed.nonce must be a number in [0, 1)"));
    }
    Ok(())
}

impl<'a> Claims<'a> {
    /// Computes and validates the claims. `now_ms` is a clock reading in milliseconds (any
    /// fraction is dropped, as a JS `Date` drops it); `nonce` is in `[0, 1)`.
    pub(crate) fn new(session_id: &'a str, options: &'a TokenOptions, now_ms: f64, nonce: f64) -> Result<Self, Error> {
        check_fixed(now_ms, nonce)?;
        let seconds = now_ms.trunc() / 1000.0;
        // Bounded by MAX_CLOCK_MS, so the conversions below are exact.
        let iat = seconds.floor() as i64;
        let create_time = js_round(seconds) as i64;

        let expire_time = match options.expire_time {
            None => create_time + DEFAULT_LIFETIME_SECONDS,
            Some(value) => {
                let rounded = js_round(value);
                let latest = (create_time + MAX_LIFETIME_SECONDS) as f64;
                if !rounded.is_finite() || rounded < create_time as f64 {
                    return Err(Error::new(
                        ErrorCode::InvalidExpireTime,
                        "expireTime must be a Unix time in seconds that is not before the token's creation time",
                    ));
                }
                if rounded > latest {
                    return Err(Error::new(
                        ErrorCode::InvalidExpireTime,
                        "expireTime must be at most 30 days after the token's creation time (it is in seconds, not milliseconds)",
                    ));
                }
                rounded as i64
            }
        };

        let connection_data = options.data.as_deref().filter(|data| !data.is_empty());
        if connection_data.is_some_and(|data| utf16_len_exceeds(data, MAX_DATA_LENGTH)) {
            return Err(Error::new(ErrorCode::InvalidData, "data must be at most 1000 UTF-16 code units long"));
        }
        let initial_layout_class_list = options.initial_layout_class_list.as_deref().unwrap_or_default();
        if utf16_len_exceeds(initial_layout_class_list, MAX_LAYOUT_CLASS_LIST_LENGTH) {
            return Err(Error::new(
                ErrorCode::InvalidLayoutClassList,
                "initialLayoutClassList must be at most 1024 UTF-16 code units long once joined",
            ));
        }

        Ok(Self {
            iat,
            // opentok-node writes `expire_time || iat + 300`; only a zero clock can reach the fallback.
            exp: if expire_time == 0 { iat + 300 } else { expire_time },
            create_time,
            expire_time,
            nonce,
            session_id,
            role: options.role,
            connection_data,
            initial_layout_class_list,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SID: &str = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";

    fn claims(options: &TokenOptions, now_ms: f64) -> Result<Claims<'_>, Error> {
        Claims::new(SID, options, now_ms, 0.5)
    }

    #[test]
    fn js_round_matches_math_round() {
        for (x, r) in [(0.5, 1.0), (1.5, 2.0), (2.5, 3.0), (-0.5, 0.0), (-1.5, -1.0), (0.49999999999999994, 0.0), (1_700_000_000.5, 1_700_000_001.0)] {
            assert_eq!(js_round(x), r, "{x}");
        }
    }

    #[test]
    fn create_time_rounds_and_iat_floors() {
        let o = TokenOptions::new();
        let c = claims(&o, 1_700_000_000_499.0).ok().map(|c| (c.iat, c.create_time));
        assert_eq!(c, Some((1_700_000_000, 1_700_000_000)));
        let c = claims(&o, 1_700_000_000_500.0).ok().map(|c| (c.iat, c.create_time, c.expire_time));
        assert_eq!(c, Some((1_700_000_000, 1_700_000_001, 1_700_086_401)));
        // A Date drops fractional milliseconds.
        let c = claims(&o, 1_700_000_000_499.9).ok().map(|c| c.create_time);
        assert_eq!(c, Some(1_700_000_000));
    }

    #[test]
    fn expire_time_bounds() {
        let now = 1_700_000_000_000.0;
        let code = |e: f64| claims(&TokenOptions::new().expire_time(e), now).err().map(|e| e.code());
        assert_eq!(code(1_700_000_000.0), None);
        assert_eq!(code(1_699_999_999.5), None); // rounds up to create_time
        assert_eq!(code(1_699_999_999.4), Some(ErrorCode::InvalidExpireTime));
        assert_eq!(code(1_700_000_000.0 + 2_592_000.0), None);
        assert_eq!(code(1_700_000_000.0 + 2_592_000.5), Some(ErrorCode::InvalidExpireTime));
        assert_eq!(code(1_700_000_000_000.0), Some(ErrorCode::InvalidExpireTime)); // milliseconds
        assert_eq!(code(f64::NAN), Some(ErrorCode::InvalidExpireTime));
        assert_eq!(code(f64::INFINITY), Some(ErrorCode::InvalidExpireTime));
        let c = claims(&TokenOptions::new().expire_time(1_700_000_060.5), now).ok().map(|c| (c.exp, c.expire_time));
        assert_eq!(c, Some((1_700_000_061, 1_700_000_061)));
    }

    #[test]
    fn zero_clock_keeps_opentok_node_exp_fallback() {
        let c = claims(&TokenOptions::new().expire_time(0.0), 0.0).ok().map(|c| (c.exp, c.expire_time));
        assert_eq!(c, Some((300, 0)));
    }

    #[test]
    fn data_and_layout_limits_count_utf16_units() {
        let now = 1_700_000_000_000.0;
        let ok = |o: TokenOptions| claims(&o, now).err().map(|e| e.code());
        assert_eq!(ok(TokenOptions::new().data("x".repeat(1000))), None);
        assert_eq!(ok(TokenOptions::new().data("x".repeat(1001))), Some(ErrorCode::InvalidData));
        assert_eq!(ok(TokenOptions::new().data("é".repeat(1000))), None); // 2000 bytes, 1000 units
        assert_eq!(ok(TokenOptions::new().data("😀".repeat(500))), None);
        assert_eq!(ok(TokenOptions::new().data("😀".repeat(501))), Some(ErrorCode::InvalidData));
        assert_eq!(ok(TokenOptions::new().initial_layout_class_list(&["x".repeat(1024)])), None);
        assert_eq!(
            ok(TokenOptions::new().initial_layout_class_list(&["x".repeat(512), "x".repeat(512)])),
            Some(ErrorCode::InvalidLayoutClassList)
        );
    }

    #[test]
    fn empty_data_is_absent() {
        let o = TokenOptions::new().data("");
        assert_eq!(claims(&o, 0.0).ok().map(|c| c.connection_data), Some(None));
    }

    #[test]
    fn fixed_inputs_are_checked() {
        let o = TokenOptions::new();
        for (now, nonce) in [(-1.0, 0.5), (f64::NAN, 0.5), (9e15, 0.5), (0.0, 1.0), (0.0, -0.1), (0.0, f64::NAN)] {
            assert_eq!(Claims::new(SID, &o, now, nonce).err().map(|e| e.code()), Some(ErrorCode::InvalidOptions));
        }
    }
}
