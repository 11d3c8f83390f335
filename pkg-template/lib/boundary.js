// The byte protocol with the WebAssembly module (its Rust side is wasm/src/lib.rs): string
// inputs are written with TextEncoder#encodeInto into fixed slots of one static input area,
// numbers are passed as arguments, and an export answers the token's length (the token is read
// from module memory) or -(1 + reason). After every call that handled key material, `wipe`
// zeroes the secret's slot and the top of the module's stack, where the call kept its
// temporaries (HMAC key blocks, hash states): no key material outlives a call.
import { reasonError } from './errors.js';
import { REASONS } from './tables.js';

const KEY = 0;
const SECRET = 1;
const SESSION = 2;
const DATA = 3;
const LAYOUT = 4;
const NONCE = 5;
const SLOT_COUNT = 6;
// Over four times the deepest call (950 B); tests/js/node/zeroing.test.mjs checks that the whole stack is zero
// after a wipe.
const STACK_WIPE_BYTES = 4 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let wasm;
let bytes = new Uint8Array(0);
const slots = [];
let stackTop = 0;

/** Binds the layer to an instantiated module's exports; every runtime entry calls it once. */
export function attach(exports) {
  wasm = exports;
  stackTop = wasm.stack_top();
  refresh();
}

// Views over module memory; growing the memory detaches them (their length becomes 0).
function refresh() {
  bytes = new Uint8Array(wasm.memory.buffer);
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    const start = wasm.slot_ptr(slot);
    slots[slot] = bytes.subarray(start, start + wasm.slot_capacity(slot));
  }
}

// Called between module calls, when none of the module's frames is live.
function wipe(secretLength) {
  if (bytes.byteLength === 0) refresh();
  slots[SECRET].fill(0, 0, secretLength);
  bytes.fill(0, stackTop - STACK_WIPE_BYTES, stackTop);
}

function write(slot, text) {
  return encoder.encodeInto(text, slots[slot]).written;
}

// The token the module answered, or its error; an expire time that was rejected is shown (it is
// a number, never a secret, and shows seconds mistaken for milliseconds).
function answer(length, fields) {
  if (bytes.byteLength === 0) refresh();
  if (length < 0) {
    const reason = -1 - length;
    throw reasonError(reason, REASONS[reason].code === 'ERR_INVALID_EXPIRE_TIME' ? `, got ${fields.expire}` : '');
  }
  const start = wasm.token_ptr();
  return decoder.decode(bytes.subarray(start, start + length));
}

function writeOptions(fields, sessionId, nonce) {
  return [write(SESSION, sessionId), write(DATA, fields.data), write(LAYOUT, fields.layout), write(NONCE, nonce)];
}

/** Mints one token; every string is already cut to at most its maximum plus one code unit. */
export function mintToken(apiKey, apiSecret, sessionId, fields, nowMs, nonce) {
  if (bytes.byteLength === 0) refresh();
  const keyLength = write(KEY, apiKey);
  const secretLength = write(SECRET, apiSecret);
  const [sessionLength, dataLength, layoutLength, nonceLength] = writeOptions(fields, sessionId, nonce);
  const length = wasm.mint(keyLength, secretLength, sessionLength, fields.role, fields.hasExpire, fields.expire,
    dataLength, layoutLength, fields.tokenType, nowMs, nonceLength);
  wipe(secretLength);
  return answer(length, fields);
}

/** Makes a generator in the module: its handle, or throws the credentials' error. */
export function createGenerator(apiKey, apiSecret) {
  if (bytes.byteLength === 0) refresh();
  const keyLength = write(KEY, apiKey);
  const secretLength = write(SECRET, apiSecret);
  const handle = wasm.generator_new(keyLength, secretLength);
  wipe(secretLength);
  if (handle < 0) throw reasonError(-1 - handle);
  return handle;
}

/** Mints one token with generator `handle`. */
export function generatorToken(handle, sessionId, fields, nowMs, nonce) {
  if (bytes.byteLength === 0) refresh();
  const [sessionLength, dataLength, layoutLength, nonceLength] = writeOptions(fields, sessionId, nonce);
  return answer(wasm.generator_mint(handle, sessionLength, fields.role, fields.hasExpire, fields.expire,
    dataLength, layoutLength, fields.tokenType, nowMs, nonceLength), fields);
}

/** Drops generator `handle` in the module, zeroing its key material. */
export function freeGenerator(handle) {
  wasm.generator_free(handle);
  wipe(0);
}

/** The size of the module's memory, in bytes. */
export function memoryBytes() {
  return wasm.memory.buffer.byteLength;
}

/** A copy of the module's memory. */
export function memoryCopy() {
  return new Uint8Array(wasm.memory.buffer).slice();
}
