//! The WebAssembly module of the `vonage-video-token` npm package: the byte protocol between its
//! JavaScript layer (`pkg-template/lib/boundary.js`) and the core crate. The only home of
//! wasm-bindgen, the allocator and `unsafe` in this repository.
//!
//! Protocol: the JavaScript layer writes the secret with `TextEncoder#encodeInto` into its slot of
//! one static input area and the other texts, joined, into the other slot (an input longer than
//! its maximum is cut to its maximum plus one UTF-16 code unit, so the core still rejects it as
//! too long, in its usual order), then calls an export with the byte and code-unit lengths and
//! the numbers. An export answers the token's length (read at [`token_ptr`]) or
//! `-(1 + reason)`, where `reason` indexes
//! [`ErrorReason::ALL`](vonage_video_token::ErrorReason::ALL). After each call that handled key
//! material, the JS layer zeroes the secret's slot and the top of the stack (below
//! [`stack_top`]), where the call kept its temporaries (HMAC key blocks, hash states).
#![no_std]

extern crate alloc;

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::UnsafeCell;
use vonage_video_token::{
    generate_token_at, Error, ErrorReason, Nonce, Role, TokenGenerator, TokenOptions, TokenType, MAX_API_KEY_LENGTH,
    MAX_API_SECRET_LENGTH, MAX_DATA_LENGTH, MAX_LAYOUT_CLASS_LIST_LENGTH, MAX_SESSION_ID_LENGTH,
};
use wasm_bindgen::prelude::wasm_bindgen;

/// A free-list allocator of about 1 KB instead of std's dlmalloc: minting needs a few short-lived buffers.
#[global_allocator]
// SAFETY: wasm32 without the `atomics` target feature runs exactly one thread.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// The input slots, in protocol order, with their capacity in bytes: the secret, then the other
/// texts written as one (API key, session id, data, layout classes, nonce). UTF-8 takes at most
/// three bytes per UTF-16 code unit, and an over-long input arrives cut to its maximum plus one unit.
const SLOTS: [usize; 2] = [
    3 * (MAX_API_SECRET_LENGTH + 1),
    3 * (MAX_API_KEY_LENGTH + 1 + MAX_SESSION_ID_LENGTH + 1 + MAX_DATA_LENGTH + 1 + MAX_LAYOUT_CLASS_LIST_LENGTH + 1)
        + NONCE_BYTES,
];
const SECRET: usize = 0;
const TEXT: usize = 1;
/// Longest nonce text.
const NONCE_BYTES: usize = 32;

/// Where `slot` starts in the input area.
#[allow(clippy::indexing_slicing)] // evaluated at compile time for constants; bounded by the loop
const fn slot_start(slot: usize) -> usize {
    let mut start = 0;
    let mut i = 0;
    while i < slot && i < SLOTS.len() {
        start += SLOTS[i];
        i += 1;
    }
    start
}

const INPUT_BYTES: usize = slot_start(SLOTS.len());

/// Module state. Only one thread exists, exports do not call back into JavaScript, and no two
/// references to the state are ever in use at once.
struct State {
    input: [u8; INPUT_BYTES],
    token: String,
    generators: Vec<Option<Box<TokenGenerator>>>,
}

struct Shared(UnsafeCell<State>);

// SAFETY: wasm32 without the `atomics` target feature runs exactly one thread.
unsafe impl Sync for Shared {}

static STATE: Shared =
    Shared(UnsafeCell::new(State { input: [0; INPUT_BYTES], token: String::new(), generators: Vec::new() }));

fn state() -> &'static mut State {
    // SAFETY: single-threaded; each use of a reference ends before the next is made.
    unsafe { &mut *STATE.0.get() }
}

/// The text in `slot`, `len` bytes long (the JS layer's encoder writes only valid UTF-8). An
/// answer of the wrong shape is a protocol error, reported as `reason`.
fn slot_text(input: &[u8; INPUT_BYTES], slot: usize, len: u32, reason: ErrorReason) -> Result<&str, Error> {
    let start = slot_start(slot);
    let bytes =
        SLOTS.get(slot).filter(|&&cap| len as usize <= cap).and_then(|_| input.get(start..start + len as usize));
    bytes.and_then(|bytes| core::str::from_utf8(bytes).ok()).ok_or(Error::from(reason))
}

/// Splits off the first `units` UTF-16 code units of `text`: one unit per UTF-8 sequence, two
/// for a 4-byte one, counted from the lead bytes.
fn split_units(text: &str, units: u32, reason: ErrorReason) -> Result<(&str, &str), Error> {
    let bytes = text.as_bytes();
    if bytes.is_ascii() {
        return text.split_at_checked(units as usize).ok_or(Error::from(reason));
    }
    let mut counted = 0;
    let mut at = 0;
    while counted < units {
        let Some(&lead) = bytes.get(at) else { return Err(Error::from(reason)) };
        let (len, width) = match lead {
            0x00..=0x7f => (1, 1),
            0xc0..=0xdf => (2, 1),
            0xe0..=0xef => (3, 1),
            _ => (4, 2),
        };
        at += len;
        counted += width;
    }
    match text.split_at_checked(at) {
        Some(parts) if counted == units => Ok(parts),
        _ => Err(Error::from(reason)),
    }
}

/// The texts of one mint, each `*_units` UTF-16 code units long; the nonce is the rest.
struct Texts<'a> {
    api_key: &'a str,
    session_id: &'a str,
    data: &'a str,
    layout: &'a str,
    nonce: &'a str,
}

fn texts(
    input: &[u8; INPUT_BYTES],
    len: u32,
    key_units: u32,
    session_units: u32,
    data_units: u32,
    layout_units: u32,
) -> Result<Texts<'_>, Error> {
    let text = slot_text(input, TEXT, len, ErrorReason::SessionId)?;
    let (api_key, rest) = split_units(text, key_units, ErrorReason::ApiKey)?;
    let (session_id, rest) = split_units(rest, session_units, ErrorReason::SessionId)?;
    let (data, rest) = split_units(rest, data_units, ErrorReason::DataMalformed)?;
    let (layout, nonce) = split_units(rest, layout_units, ErrorReason::LayoutMalformed)?;
    Ok(Texts { api_key, session_id, data, layout, nonce })
}

/// The options and nonce of one mint, from its texts and numbers.
fn options<'a>(
    texts: &Texts<'a>,
    role: u32,
    has_expire: u32,
    expire: f64,
    token_type: u32,
) -> Result<(TokenOptions<'a>, Nonce), Error> {
    let role = Role::ALL.get(role as usize).copied().ok_or(Error::from(ErrorReason::Role))?;
    let token_type = TokenType::ALL.get(token_type as usize).copied().ok_or(Error::from(ErrorReason::TokenType))?;
    let mut options =
        TokenOptions::new().role(role).token_type(token_type).data(texts.data).initial_layout_class_list(texts.layout);
    if has_expire != 0 {
        options = options.expire_time(expire);
    }
    Ok((options, Nonce::from_js_text(texts.nonce)?))
}

/// Keeps a minted token for [`token_ptr`] and answers its length, or the error's wire code.
fn answer(result: Result<String, Error>) -> i32 {
    match result {
        Ok(token) => {
            let len = token.len() as i32;
            state().token = token;
            len
        }
        Err(error) => -1 - i32::from(error.reason() as u8),
    }
}

/// The address of input slot `slot` (0 the API secret, 1 the other texts), or 0 for an unknown slot.
#[wasm_bindgen]
pub fn slot_ptr(slot: u32) -> *mut u8 {
    let start = slot_start((slot as usize).min(SLOTS.len()));
    match state().input.get_mut(start..) {
        Some(rest) if (slot as usize) < SLOTS.len() => rest.as_mut_ptr(),
        _ => core::ptr::null_mut(),
    }
}

/// The capacity of input slot `slot` in bytes, or 0 for an unknown slot.
#[wasm_bindgen]
pub fn slot_capacity(slot: u32) -> u32 {
    SLOTS.get(slot as usize).map_or(0, |&cap| cap as u32)
}

extern "C" {
    /// The linker's end of the stack region (the stack grows down from here).
    static __stack_high: u8;
}

/// The top of the module's stack.
#[wasm_bindgen]
pub fn stack_top() -> *const u8 {
    &raw const __stack_high
}

/// The address of the last token minted (its length was the mint's answer).
#[wasm_bindgen]
pub fn token_ptr() -> *const u8 {
    state().token.as_ptr()
}

/// Mints one token. The secret slot holds `secret_len` bytes; the text slot holds `text_len`
/// bytes: the API key, session id, data and layout classes (`*_units` UTF-16 code units each),
/// then the nonce. `role` and `token_type` index `Role::ALL` and `TokenType::ALL`;
/// `has_expire` is 0 when no expire time was given.
#[wasm_bindgen]
pub fn mint(
    secret_len: u32,
    text_len: u32,
    key_units: u32,
    session_units: u32,
    data_units: u32,
    layout_units: u32,
    role: u32,
    has_expire: u32,
    expire: f64,
    token_type: u32,
    now_ms: f64,
) -> i32 {
    let input = &state().input;
    let result = texts(input, text_len, key_units, session_units, data_units, layout_units).and_then(|texts| {
        let (options, nonce) = options(&texts, role, has_expire, expire, token_type)?;
        let secret = slot_text(input, SECRET, secret_len, ErrorReason::ApiSecret)?;
        generate_token_at(texts.api_key, secret, texts.session_id, &options, now_ms, &nonce)
    });
    answer(result)
}

/// Creates a generator from the secret slot and the API key at the start of the text slot
/// (`key_units` UTF-16 code units, `text_len` bytes): answers its handle (≥ 0) or an error code.
#[wasm_bindgen]
pub fn generator_new(secret_len: u32, text_len: u32, key_units: u32) -> i32 {
    let input = &state().input;
    let created = slot_text(input, TEXT, text_len, ErrorReason::ApiKey)
        .and_then(|text| split_units(text, key_units, ErrorReason::ApiKey))
        .and_then(|(api_key, _)| {
            let secret = slot_text(input, SECRET, secret_len, ErrorReason::ApiSecret)?;
            // Boxed as it is made, so the key schedules never move.
            TokenGenerator::new(api_key, secret).map(Box::new)
        });
    match created {
        Ok(generator) => {
            let generators = &mut state().generators;
            if let Some(index) = generators.iter().position(Option::is_none) {
                if let Some(slot) = generators.get_mut(index) {
                    *slot = Some(generator);
                }
                index as i32
            } else {
                generators.push(Some(generator));
                generators.len() as i32 - 1
            }
        }
        Err(error) => -1 - i32::from(error.reason() as u8),
    }
}

/// Mints one token with generator `handle`; the text slot holds the session id, data and layout
/// classes (no API key: `key_units` is 0) and the nonce; the other arguments are as for [`mint`].
#[wasm_bindgen]
pub fn generator_mint(
    handle: u32,
    text_len: u32,
    session_units: u32,
    data_units: u32,
    layout_units: u32,
    role: u32,
    has_expire: u32,
    expire: f64,
    token_type: u32,
    now_ms: f64,
) -> i32 {
    let state = state();
    let input = &state.input;
    let result = match state.generators.get(handle as usize) {
        Some(Some(generator)) => texts(input, text_len, 0, session_units, data_units, layout_units).and_then(|texts| {
            let (options, nonce) = options(&texts, role, has_expire, expire, token_type)?;
            generator.generate_token_at(texts.session_id, &options, now_ms, &nonce)
        }),
        // The JS layer never passes a freed handle; answer as for a missing secret.
        _ => Err(Error::from(ErrorReason::ApiSecret)),
    };
    answer(result)
}

/// Drops generator `handle`, which zeroes its key schedules.
#[wasm_bindgen]
pub fn generator_free(handle: u32) {
    if let Some(slot) = state().generators.get_mut(handle as usize) {
        *slot = None;
    }
}
