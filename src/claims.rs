//! The claim values of one token, computed and validated exactly as opentok-node computes them.

use crate::error::{fail, ErrorReason, Result};
use crate::limits::{
    utf16_len_exceeds, DEFAULT_LIFETIME_SECONDS, MAX_DATA_LENGTH, MAX_LAYOUT_CLASS_LIST_LENGTH, MAX_LIFETIME_SECONDS,
};
use crate::options::{Role, TokenOptions};

/// The largest clock value a JS `Date` can hold, in milliseconds.
const MAX_CLOCK_MS: f64 = 8.64e15;

/// The values that go into a token.
pub(crate) struct Claims<'a> {
    pub iat: i64,
    pub exp: i64,
    pub create_time: i64,
    pub expire_time: i64,
    /// The nonce as JS writes the number (project tokens; set by the caller, empty by default).
    pub nonce: &'a str,
    pub session_id: &'a str,
    pub role: Role,
    pub connection_data: Option<&'a str>,
    pub initial_layout_class_list: &'a str,
}

/// Every double at or above 2^52 in magnitude is an integer.
const INTEGRAL_FROM: f64 = 4_503_599_627_370_496.0;

/// `f64::trunc` for finite values (core has no float rounding without std).
fn trunc(x: f64) -> f64 {
    if x.abs() >= INTEGRAL_FROM {
        x
    } else {
        (x as i64) as f64
    }
}

/// `f64::floor` for finite values.
fn floor(x: f64) -> f64 {
    let t = trunc(x);
    if t > x {
        t - 1.0
    } else {
        t
    }
}

/// A clock reading in milliseconds as seconds (fractional milliseconds dropped, as a JS `Date`
/// drops them), checked to lie from 1970 to the largest JS `Date`.
fn clock_seconds(now_ms: f64) -> Result<f64> {
    if (0.0..=MAX_CLOCK_MS).contains(&now_ms) {
        Ok(trunc(now_ms) / 1000.0)
    } else {
        Err(fail(ErrorReason::Clock))
    }
}

/// `iat` for a clock reading: whole seconds, rounded down.
pub(crate) fn issued_at(now_ms: f64) -> Result<i64> {
    // Bounded by MAX_CLOCK_MS, so the conversion is exact.
    Ok(floor(clock_seconds(now_ms)?) as i64)
}

/// JS `Math.round` for finite values: halves round towards +∞.
fn js_round(x: f64) -> f64 {
    let floor = floor(x);
    if x - floor >= 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

impl<'a> Claims<'a> {
    /// Computes and validates the claims, in this order: the clock, the expire time, the data,
    /// the layout classes. `now_ms` is a clock reading in milliseconds (any fraction is dropped,
    /// as a JS `Date` drops it). The session id has been checked already.
    pub(crate) fn new(session_id: &'a str, options: &'a TokenOptions<'_>, now_ms: f64) -> Result<Self> {
        let seconds = clock_seconds(now_ms)?;
        // Bounded by MAX_CLOCK_MS, so the conversions below are exact.
        let iat = floor(seconds) as i64;
        let create_time = js_round(seconds) as i64;

        let expire_time = match options.expire_time {
            None => create_time + DEFAULT_LIFETIME_SECONDS,
            Some(value) => {
                let rounded = if value.is_finite() { js_round(value) } else { f64::NAN };
                if rounded.is_nan() || rounded < create_time as f64 {
                    return Err(fail(ErrorReason::ExpireBeforeCreation));
                }
                if rounded > (create_time + MAX_LIFETIME_SECONDS) as f64 {
                    return Err(fail(ErrorReason::ExpireTooLate));
                }
                rounded as i64
            }
        };

        let data = options.data.as_deref().unwrap_or_default();
        if utf16_len_exceeds(data, MAX_DATA_LENGTH) {
            return Err(fail(ErrorReason::DataTooLong));
        }
        let initial_layout_class_list = options.initial_layout_class_list.as_deref().unwrap_or_default();
        if utf16_len_exceeds(initial_layout_class_list, MAX_LAYOUT_CLASS_LIST_LENGTH) {
            return Err(fail(ErrorReason::LayoutTooLong));
        }

        Ok(Self {
            iat,
            // opentok-node writes `expire_time || iat + 300`; only a zero clock can reach the fallback.
            exp: if expire_time == 0 { iat + 300 } else { expire_time },
            create_time,
            expire_time,
            nonce: "",
            session_id,
            role: options.role,
            connection_data: Some(data).filter(|data| !data.is_empty()),
            initial_layout_class_list,
        })
    }

    /// Bytes of the variable-length claims (session id, data, layout), for sizing buffers.
    pub(crate) fn text_len(&self) -> usize {
        self.session_id.len() + self.connection_data.map_or(0, str::len) + self.initial_layout_class_list.len()
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::error::{Error, ErrorCode};

    const SID: &str = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
    fn claims<'a>(options: &'a TokenOptions<'_>, now_ms: f64) -> core::result::Result<Claims<'a>, Error> {
        Claims::new(SID, options, now_ms)
    }

    #[test]
    fn js_round_matches_math_round() {
        for (x, r) in [
            (0.5, 1.0),
            (1.5, 2.0),
            (2.5, 3.0),
            (-0.5, 0.0),
            (-1.5, -1.0),
            (-2.7, -3.0),
            (0.49999999999999994, 0.0),
            (1_700_000_000.5, 1_700_000_001.0),
            (4_503_599_627_370_495.5, 4_503_599_627_370_496.0),
            (1e300, 1e300),
            (-1e300, -1e300),
        ] {
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
        assert_eq!(code(f64::NEG_INFINITY), Some(ErrorCode::InvalidExpireTime));
        assert_eq!(code(1e300), Some(ErrorCode::InvalidExpireTime));
        // NaN must not slip through even when the clock is zero.
        assert_eq!(
            claims(&TokenOptions::new().expire_time(f64::NAN), 0.0).err().map(|e| e.code()),
            Some(ErrorCode::InvalidExpireTime)
        );
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
        assert_eq!(ok(TokenOptions::new().initial_layout_class_list("x".repeat(1024))), None);
        assert_eq!(
            ok(TokenOptions::new().initial_layout_classes(&["x".repeat(512), "x".repeat(512)])),
            Some(ErrorCode::InvalidLayoutClassList)
        );
    }

    #[test]
    fn empty_data_is_absent() {
        let o = TokenOptions::new().data("");
        assert_eq!(claims(&o, 0.0).ok().map(|c| c.connection_data), Some(None));
    }

    #[test]
    fn the_clock_is_checked() {
        let o = TokenOptions::new();
        for now in [-1.0, f64::NAN, 9e15, f64::INFINITY] {
            assert_eq!(claims(&o, now).err().map(|e| e.code()), Some(ErrorCode::InvalidClock));
        }
        assert!(claims(&o, 8.64e15).is_ok());
    }
}
