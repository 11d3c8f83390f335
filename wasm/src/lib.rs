//! The WebAssembly modules of the `vonage-video-token` npm package: the byte protocol between its
//! JavaScript layer (`pkg-template/lib/boundary.js`) and the core crate. The only home of
//! wasm-bindgen, the allocator and `unsafe` in this repository. Built twice: without features,
//! the module that mints tokens for project credentials (the main entry); with `full`, the one
//! for application credentials and for reading tokens back (the `vonage` and `verify` entries).
//!
//! Protocol: the JavaScript layer writes the secret (or a PEM key) with `TextEncoder#encodeInto`
//! into its slot of one static input area and the other texts, joined, into the other slot (an
//! input longer than its maximum is cut to its maximum plus one UTF-16 code unit, so the core
//! still rejects it as too long, in its usual order), then calls an export with the byte and
//! code-unit lengths and the numbers. An export answers the length of what it wrote to the
//! answer buffer (read at [`answer_ptr`], in the parts [`answer_parts`] lists) or `-(1 + reason)`,
//! where `reason` indexes [`ErrorReason::ALL`](vonage_video_token::ErrorReason::ALL). After each
//! call that handled key material, the JS layer zeroes the secret's slot, the answer if it held
//! key material, and the top of the stack (below [`stack_top`]), where the call kept its
//! temporaries (HMAC key blocks, hash states).
#![no_std]

extern crate alloc;

#[cfg(not(any(feature = "full", feature = "video")))]
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::cell::UnsafeCell;
#[cfg(feature = "full")]
use vonage_video_token::Jti;
#[cfg(not(any(feature = "full", feature = "video")))]
use vonage_video_token::TokenGenerator;
use vonage_video_token::{Error, ErrorReason};
#[cfg(not(feature = "video"))]
use vonage_video_token::{Role, TokenOptions, TokenType};
use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(feature = "full")]
mod application;
#[cfg(not(any(feature = "full", feature = "video")))]
mod project;
#[cfg(feature = "full")]
mod read;
#[cfg(feature = "video")]
mod video;

/// A free-list allocator of about 1 KB instead of std's dlmalloc: minting needs a few short-lived buffers.
#[global_allocator]
// SAFETY: wasm32 without the `atomics` target feature runs exactly one thread.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// Capacity in bytes of what `units` UTF-16 code units can take in UTF-8, plus the one extra
/// unit of an input cut for being too long.
const fn utf8_room(units: usize) -> usize {
    3 * (units + 1)
}

#[cfg(not(any(feature = "full", feature = "video")))]
mod sizes {
    use super::utf8_room;
    use vonage_video_token::{
        MAX_API_KEY_LENGTH, MAX_API_SECRET_LENGTH, MAX_DATA_LENGTH, MAX_LAYOUT_CLASS_LIST_LENGTH, MAX_SESSION_ID_LENGTH,
    };

    /// The secret.
    pub(crate) const SECRET: usize = utf8_room(MAX_API_SECRET_LENGTH);
    /// The API key, session id, data, layout classes and nonce.
    pub(crate) const TEXT: usize = utf8_room(MAX_API_KEY_LENGTH)
        + utf8_room(MAX_SESSION_ID_LENGTH)
        + utf8_room(MAX_DATA_LENGTH)
        + utf8_room(MAX_LAYOUT_CLASS_LIST_LENGTH)
        + 32;
}

#[cfg(feature = "video")]
mod sizes {
    use super::utf8_room;
    use vonage_video_token::video::{MAX_ANSWER_BYTES, MAX_ID_LENGTH, MAX_OPTIONS_LENGTH};
    use vonage_video_token::{MAX_APPLICATION_ID_LENGTH, MAX_SESSION_ID_LENGTH};

    /// No secret reaches this module: the slot exists for the protocol's sake.
    pub(crate) const SECRET: usize = 8;
    /// The owner, a session id, another id, the options' JSON, then the API's answer (bytes).
    pub(crate) const TEXT: usize = utf8_room(MAX_APPLICATION_ID_LENGTH)
        + utf8_room(MAX_SESSION_ID_LENGTH)
        + utf8_room(MAX_ID_LENGTH)
        + utf8_room(MAX_OPTIONS_LENGTH)
        + MAX_ANSWER_BYTES;
}

#[cfg(feature = "full")]
mod sizes {
    use super::utf8_room;
    use vonage_video_token::{
        MAX_ACL_LENGTH, MAX_APPLICATION_ID_LENGTH, MAX_DATA_LENGTH, MAX_KEY_PEM_LENGTH, MAX_LAYOUT_CLASS_LIST_LENGTH,
        MAX_SESSION_ID_LENGTH, MAX_SUBJECT_LENGTH, MAX_TOKEN_LENGTH,
    };

    /// A secret or a PEM key.
    pub(crate) const SECRET: usize = utf8_room(MAX_KEY_PEM_LENGTH);
    const CLIENT: usize = utf8_room(MAX_APPLICATION_ID_LENGTH)
        + utf8_room(MAX_SESSION_ID_LENGTH)
        + utf8_room(MAX_DATA_LENGTH)
        + utf8_room(MAX_LAYOUT_CLASS_LIST_LENGTH);
    const APPLICATION_JWT: usize =
        utf8_room(MAX_APPLICATION_ID_LENGTH) + utf8_room(MAX_ACL_LENGTH) + utf8_room(MAX_SUBJECT_LENGTH);
    const VERIFY: usize = utf8_room(MAX_TOKEN_LENGTH) + utf8_room(MAX_SESSION_ID_LENGTH);
    /// The largest of: a client token's texts, an application JWT's, a token and a session id.
    pub(crate) const TEXT: usize = if CLIENT > APPLICATION_JWT && CLIENT > VERIFY {
        CLIENT
    } else if APPLICATION_JWT > VERIFY {
        APPLICATION_JWT
    } else {
        VERIFY
    };
}

#[cfg(not(feature = "video"))]
const SECRET: usize = 0;
const TEXT: usize = 1;
/// The input slots in protocol order: their capacity in bytes.
const SLOTS: [usize; 2] = [sizes::SECRET, sizes::TEXT];
const INPUT_BYTES: usize = sizes::SECRET + sizes::TEXT;

/// Module state. Only one thread exists, exports do not call back into JavaScript, and no two
/// references to the state are ever in use at once.
struct State {
    input: [u8; INPUT_BYTES],
    /// What the last call answered: one or more parts, their lengths in `parts`.
    answer: Vec<u8>,
    parts: [u32; 6],
    #[cfg(not(any(feature = "full", feature = "video")))]
    generators: Vec<Option<Box<TokenGenerator>>>,
}

struct Shared(UnsafeCell<State>);

// SAFETY: wasm32 without the `atomics` target feature runs exactly one thread.
unsafe impl Sync for Shared {}

static STATE: Shared = Shared(UnsafeCell::new(State {
    input: [0; INPUT_BYTES],
    answer: Vec::new(),
    parts: [0; 6],
    #[cfg(not(any(feature = "full", feature = "video")))]
    generators: Vec::new(),
}));

fn state() -> &'static mut State {
    // SAFETY: single-threaded; each use of a reference ends before the next is made.
    unsafe { &mut *STATE.0.get() }
}

/// Where `slot` starts in the input area.
const fn slot_start(slot: usize) -> usize {
    if slot == TEXT {
        sizes::SECRET
    } else {
        0
    }
}

/// The text in `slot`, `len` bytes long (the JS layer's encoder writes only valid UTF-8). Input
/// of the wrong shape is a protocol error, reported as `reason`.
fn slot_text(slot: usize, len: u32, reason: ErrorReason) -> Result<&'static str, Error> {
    let start = slot_start(slot);
    let input: &'static [u8; INPUT_BYTES] = &state().input;
    let bytes =
        SLOTS.get(slot).filter(|&&cap| len as usize <= cap).and_then(|_| input.get(start..start + len as usize));
    bytes.and_then(|bytes| core::str::from_utf8(bytes).ok()).ok_or(Error::from(reason))
}

/// The text slot's bytes from `after` to its end (the bytes a call wrote after its texts).
#[cfg(feature = "video")]
fn slot_tail(after: u32) -> &'static [u8] {
    let input: &'static [u8; INPUT_BYTES] = &state().input;
    input.get(slot_start(TEXT) + after as usize..slot_start(TEXT) + sizes::TEXT).unwrap_or_default()
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

/// The text slot's `len` bytes split into `N` texts of the given UTF-16 lengths, and the rest.
fn texts<const N: usize>(len: u32, units: [u32; N]) -> Result<([&'static str; N], &'static str), Error> {
    let mut rest = slot_text(TEXT, len, ErrorReason::Token)?;
    let mut parts = [""; N];
    for (part, &count) in parts.iter_mut().zip(&units) {
        (*part, rest) = split_units(rest, count, ErrorReason::Token)?;
    }
    Ok((parts, rest))
}

/// The options and nonce of one mint, from its texts and numbers.
#[cfg(not(feature = "video"))]
fn options<'a>(
    data: &'a str,
    layout: &'a str,
    role: u32,
    has_expire: u32,
    expire: f64,
    token_type: u32,
) -> Result<TokenOptions<'a>, Error> {
    let role = Role::ALL.get(role as usize).copied().ok_or(Error::from(ErrorReason::Role))?;
    let token_type = TokenType::ALL.get(token_type as usize).copied().ok_or(Error::from(ErrorReason::TokenType))?;
    let mut options =
        TokenOptions::new().role(role).token_type(token_type).data(data).initial_layout_class_list(layout);
    if has_expire != 0 {
        options = options.expire_time(expire);
    }
    Ok(options)
}

/// The `jti` made of four random 32-bit words.
#[cfg(feature = "full")]
fn jti(words: [u32; 4]) -> Jti {
    let mut bytes = [0u8; 16];
    for (chunk, word) in bytes.chunks_exact_mut(4).zip(words) {
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    Jti::from_random(bytes)
}

/// The error's wire code.
fn code(error: Error) -> i32 {
    -1 - i32::from(error.reason() as u8)
}

/// Keeps the answer `parts` makes of a result's value (see [`keep`]) and answers its total
/// length; or answers the error's wire code.
fn answer<T, const N: usize>(result: &Result<T, Error>, parts: impl FnOnce(&T) -> [&[u8]; N]) -> i32 {
    match result {
        Ok(value) => keep(&parts(value)),
        Err(error) => code(*error),
    }
}

/// Keeps an answer of up to six parts for [`answer_ptr`] and [`answer_parts`]; returns its length.
fn keep(parts: &[&[u8]]) -> i32 {
    let state = state();
    state.answer.clear();
    state.parts = [0; 6];
    for (length, part) in state.parts.iter_mut().zip(parts) {
        state.answer.extend_from_slice(part);
        *length = part.len() as u32;
    }
    state.answer.len() as i32
}

/// The address of input slot `slot` (0 the secret, 1 the other texts), or 0 for an unknown slot.
#[wasm_bindgen]
pub fn slot_ptr(slot: u32) -> *mut u8 {
    let start = slot_start(slot as usize);
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

/// The address of the last answer (its length was the call's answer).
#[wasm_bindgen]
pub fn answer_ptr() -> *const u8 {
    state().answer.as_ptr()
}

/// The address of the lengths of the last answer's parts (six 32-bit numbers).
#[wasm_bindgen]
pub fn answer_parts() -> *const u32 {
    state().parts.as_ptr()
}
