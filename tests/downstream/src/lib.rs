//! A downstream app: mints with the crate's real clock and randomness (the JavaScript host's, on
//! wasm32) and with a fixed clock and nonce, under an allocator of its own.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use vonage_video_token::{generate_token, generate_token_at, Nonce, Role, TokenOptions};
use wasm_bindgen::prelude::wasm_bindgen;

/// Counts allocations, so the test can see this allocator is the one in use.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn options(role: &str, data: &str) -> Result<TokenOptions<'static>, String> {
    let role = Role::parse(role).map_err(|e| e.to_string())?;
    Ok(TokenOptions::new().role(role).data(data.to_owned()))
}

/// A token for a fixed clock (ms) and nonce.
#[wasm_bindgen]
pub fn fixed_token(
    api_key: &str,
    api_secret: &str,
    session_id: &str,
    role: &str,
    data: &str,
    now_ms: f64,
    nonce: f64,
) -> Result<String, String> {
    let nonce = Nonce::new(nonce).map_err(|e| e.to_string())?;
    generate_token_at(api_key, api_secret, session_id, &options(role, data)?, now_ms, &nonce).map_err(|e| e.to_string())
}

/// A token with the host's clock and a random nonce.
#[wasm_bindgen]
pub fn real_token(api_key: &str, api_secret: &str, session_id: &str) -> Result<String, String> {
    generate_token(api_key, api_secret, session_id, &TokenOptions::new()).map_err(|e| e.to_string())
}

/// How many allocations this app's allocator has served.
#[wasm_bindgen]
pub fn allocations() -> usize {
    ALLOCATIONS.load(Ordering::Relaxed)
}
