//! The clock, read from the host: the operating system natively, the JavaScript host's `Date`
//! on `wasm32-unknown-unknown` (where `std::time::SystemTime` panics).

/// Milliseconds since the Unix epoch.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub(crate) fn now_ms() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |elapsed| elapsed.as_millis() as f64)
}

/// Milliseconds since the Unix epoch, from the JavaScript host's `Date.now()`.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub(crate) fn now_ms() -> f64 {
    js_sys::Date::now()
}
