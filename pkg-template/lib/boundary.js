// The byte protocol with the WebAssembly module (its Rust side is wasm/src/lib.rs). The secret is
// written with TextEncoder#encodeInto into its slot of the module's static input area, the other
// texts (API key, session id, data, layout classes, nonce) joined into the other slot with one
// more encodeInto; their lengths in UTF-16 code units and the numbers are the export's
// arguments. An export answers the token's length (the token is read from module memory) or
// -(1 + reason). After every call that handled key material, `wipe` zeroes the secret's slot and
// the top of the module's stack, where the call kept its temporaries (HMAC key blocks, hash
// states): no key material outlives a call.
import { reasonError } from './errors.js';
import { REASONS } from './tables.js';

const SECRET = 0;
const TEXT = 1;
// Twice the deepest call (950 B); tests/js/node/zeroing.test.mjs checks that the whole stack is
// zero after a wipe.
const STACK_WIPE_BYTES = 2048;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let wasm;
let bytes = new Uint8Array(0);
let secretSlot;
let textSlot;
let stackTop = 0;
let NodeBuffer;
let buffer;

/**
 * Binds the layer to an instantiated module's exports; every runtime entry calls it once. Node's
 * entry (Node and Bun) passes `Buffer`, whose latin1Slice decodes the (ASCII) token about twice
 * as fast as TextDecoder.
 */
export function attach(exports, { Buffer } = {}) {
  wasm = exports;
  NodeBuffer = Buffer;
  stackTop = wasm.stack_top();
  refresh();
}

// Views over module memory; growing the memory detaches them (their length becomes 0).
function refresh() {
  bytes = new Uint8Array(wasm.memory.buffer);
  const slot = (index) => bytes.subarray(wasm.slot_ptr(index), wasm.slot_ptr(index) + wasm.slot_capacity(index));
  secretSlot = slot(SECRET);
  textSlot = slot(TEXT);
  if (typeof NodeBuffer?.prototype.latin1Slice === 'function') buffer = NodeBuffer.from(wasm.memory.buffer);
}

// Called between module calls, when none of the module's frames is live.
function wipe(secretLength) {
  if (bytes.byteLength === 0) refresh();
  secretSlot.fill(0, 0, secretLength);
  bytes.fill(0, stackTop - STACK_WIPE_BYTES, stackTop);
}

function writeSecret(secret) {
  if (bytes.byteLength === 0) refresh();
  return encoder.encodeInto(secret, secretSlot).written;
}

function writeText(text) {
  return encoder.encodeInto(text, textSlot).written;
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
  return buffer === undefined ? decoder.decode(bytes.subarray(start, start + length)) : buffer.latin1Slice(start, start + length);
}

/** Mints one token; every string is already cut to at most its maximum plus one code unit. */
export function mintToken(apiKey, apiSecret, sessionId, fields, nowMs, nonce) {
  const secretLength = writeSecret(apiSecret);
  const textLength = writeText(apiKey + sessionId + fields.data + fields.layout + nonce);
  const length = wasm.mint(secretLength, textLength, apiKey.length, sessionId.length, fields.data.length,
    fields.layout.length, fields.role, fields.hasExpire, fields.expire, fields.tokenType, nowMs);
  wipe(secretLength);
  return answer(length, fields);
}

/** Makes a generator in the module: its handle, or throws the credentials' error. */
export function createGenerator(apiKey, apiSecret) {
  const secretLength = writeSecret(apiSecret);
  const handle = wasm.generator_new(secretLength, writeText(apiKey), apiKey.length);
  wipe(secretLength);
  if (handle < 0) throw reasonError(-1 - handle);
  return handle;
}

/** Mints one token with generator `handle`. */
export function generatorToken(handle, sessionId, fields, nowMs, nonce) {
  if (bytes.byteLength === 0) refresh();
  const textLength = writeText(sessionId + fields.data + fields.layout + nonce);
  return answer(wasm.generator_mint(handle, textLength, sessionId.length, fields.data.length, fields.layout.length,
    fields.role, fields.hasExpire, fields.expire, fields.tokenType, nowMs), fields);
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
