//! The WebAssembly module of the `vonage-video-token` npm package: the byte protocol between its
//! JavaScript layer (`pkg-template/lib/boundary.js`) and the core crate. The only home of
//! wasm-bindgen, the allocator and `unsafe` in this repository.
//!
//! Protocol: the JavaScript layer writes each string input with `TextEncoder#encodeInto` into its
//! fixed slot of one static input area (an input longer than its maximum is cut to its maximum
//! plus one character, so the core still reports it as too long, in its usual order) and calls
//! an export with the byte lengths and the numbers. An export answers the token's length
//! (read at [`token_ptr`]) or `-(1 + reason)`, where `reason` indexes
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

/// The input slots, in protocol order, with their capacity in bytes: UTF-8 takes at most three
/// bytes per UTF-16 code unit, and an over-long input arrives cut to its maximum plus one unit.
const SLOTS: [usize; 6] = [
    3 * (MAX_API_KEY_LENGTH + 1),
    3 * (MAX_API_SECRET_LENGTH + 1),
    3 * (MAX_SESSION_ID_LENGTH + 1),
    3 * (MAX_DATA_LENGTH + 1),
    3 * (MAX_LAYOUT_CLASS_LIST_LENGTH + 1),
    32,
];
const KEY: usize = 0;
const SECRET: usize = 1;
const SESSION: usize = 2;
const DATA: usize = 3;
const LAYOUT: usize = 4;
const NONCE: usize = 5;

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

/// Module state. Only one thread exists and every export takes the state once, so there is
/// never more than one reference to it.
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
    // SAFETY: single-threaded, and no export holds the reference across another export's call
    // (exports do not call back into JavaScript).
    unsafe { &mut *STATE.0.get() }
}

/// The text in `slot`, `len` bytes long (the JS layer's encoder writes only valid UTF-8).
fn text(input: &[u8; INPUT_BYTES], slot: usize, len: u32) -> Result<&str, Error> {
    let start = slot_start(slot);
    let bytes =
        SLOTS.get(slot).filter(|&&cap| len as usize <= cap).and_then(|_| input.get(start..start + len as usize));
    bytes.and_then(|bytes| core::str::from_utf8(bytes).ok()).ok_or(Error::from(ErrorReason::SessionId))
}

/// The options and nonce of one mint, read from the slots and numbers.
fn options(
    input: &[u8; INPUT_BYTES],
    role: u32,
    has_expire: u32,
    expire: f64,
    data_len: u32,
    layout_len: u32,
    token_type: u32,
    nonce_len: u32,
) -> Result<(TokenOptions<'_>, Nonce), Error> {
    let role = Role::ALL.get(role as usize).copied().ok_or(Error::from(ErrorReason::Role))?;
    let token_type = TokenType::ALL.get(token_type as usize).copied().ok_or(Error::from(ErrorReason::TokenType))?;
    let mut options = TokenOptions::new()
        .role(role)
        .token_type(token_type)
        .data(text(input, DATA, data_len)?)
        .initial_layout_class_list(text(input, LAYOUT, layout_len)?);
    if has_expire != 0 {
        options = options.expire_time(expire);
    }
    Ok((options, Nonce::from_js_text(text(input, NONCE, nonce_len)?)?))
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

/// The address of input slot `slot` (0 API key, 1 API secret, 2 session id, 3 data, 4 layout
/// classes, 5 nonce), or 0 for an unknown slot.
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

/// Mints one token from the slots: `role` and `token_type` index `Role::ALL` and
/// `TokenType::ALL`; `has_expire` is 0 when no expire time was given.
#[wasm_bindgen]
pub fn mint(
    key_len: u32,
    secret_len: u32,
    session_len: u32,
    role: u32,
    has_expire: u32,
    expire: f64,
    data_len: u32,
    layout_len: u32,
    token_type: u32,
    now_ms: f64,
    nonce_len: u32,
) -> i32 {
    let result = mint_from_slots(
        key_len,
        secret_len,
        session_len,
        role,
        has_expire,
        expire,
        data_len,
        layout_len,
        token_type,
        now_ms,
        nonce_len,
    );
    answer(result)
}

fn mint_from_slots(
    key_len: u32,
    secret_len: u32,
    session_len: u32,
    role: u32,
    has_expire: u32,
    expire: f64,
    data_len: u32,
    layout_len: u32,
    token_type: u32,
    now_ms: f64,
    nonce_len: u32,
) -> Result<String, Error> {
    let input = &state().input;
    let (options, nonce) = options(input, role, has_expire, expire, data_len, layout_len, token_type, nonce_len)?;
    generate_token_at(
        text(input, KEY, key_len)?,
        text(input, SECRET, secret_len)?,
        text(input, SESSION, session_len)?,
        &options,
        now_ms,
        &nonce,
    )
}

/// Creates a generator from the key and secret slots: answers its handle (≥ 0) or an error code.
#[wasm_bindgen]
pub fn generator_new(key_len: u32, secret_len: u32) -> i32 {
    match generator_from_slots(key_len, secret_len) {
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

/// The generator is boxed as it is made, so its keys never move.
fn generator_from_slots(key_len: u32, secret_len: u32) -> Result<Box<TokenGenerator>, Error> {
    let input = &state().input;
    TokenGenerator::new(text(input, KEY, key_len)?, text(input, SECRET, secret_len)?).map(Box::new)
}

/// Mints one token with generator `handle`; the other arguments are as for [`mint`].
#[wasm_bindgen]
pub fn generator_mint(
    handle: u32,
    session_len: u32,
    role: u32,
    has_expire: u32,
    expire: f64,
    data_len: u32,
    layout_len: u32,
    token_type: u32,
    now_ms: f64,
    nonce_len: u32,
) -> i32 {
    let result = {
        let state = state();
        let input = &state.input;
        match state.generators.get(handle as usize) {
            Some(Some(generator)) => options(
                input, role, has_expire, expire, data_len, layout_len, token_type, nonce_len,
            )
            .and_then(|(options, nonce)| {
                generator.generate_token_at(text(input, SESSION, session_len)?, &options, now_ms, &nonce)
            }),
            // The JS layer never passes a freed handle; answer as for a missing secret.
            _ => Err(Error::from(ErrorReason::ApiSecret)),
        }
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
