// The byte protocol with the WebAssembly modules (their Rust side is wasm/src/). The secret (or a
// PEM key) is written with TextEncoder#encodeInto into its slot of a module's static input area,
// the other texts joined into the other slot with one more encodeInto; their lengths in UTF-16
// code units and the numbers are the export's arguments. An export answers the length of its
// answer (read from module memory, in parts) or -(1 + reason). After every call that handled key
// material, `wipe` zeroes the secret's slot, an answer that held key material, and the top of the
// module's stack, where the call kept its temporaries (HMAC key blocks, hash states): no key
// material outlives a call.
import { reasonError } from './errors.js';
import { shared } from './shared.js';
import { REASONS } from './tables.js';
import { compiled } from './wasm.js';

const SECRET = 0;
const TEXT = 1;
// Twice the deepest call (under 1 KB); tests/js/node/zeroing.test.mjs checks that the whole stack
// is zero after a wipe.
const STACK_WIPE_BYTES = 2048;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Node's and Bun's Buffer decodes the (ASCII) token with latin1Slice about twice as fast as
// TextDecoder; other runtimes use TextDecoder.
const NodeBuffer = typeof globalThis.Buffer?.prototype?.latin1Slice === 'function' ? globalThis.Buffer : undefined;

/** One instantiated module and the views over its memory. */
class Module {
  /** `source` is what an entry hands over (wasm.js): { compile, instantiate }. */
  constructor(source) {
    this.module = compiled(source.compile());
    this.wasm = source.instantiate(this.module);
    this.NodeBuffer = NodeBuffer;
    this.stackTop = this.wasm.stack_top();
    this.refresh();
  }

  // Growing the memory detaches the views (their length becomes 0).
  refresh() {
    const { wasm } = this;
    this.bytes = new Uint8Array(wasm.memory.buffer);
    const slot = (index) => this.bytes.subarray(wasm.slot_ptr(index), wasm.slot_ptr(index) + wasm.slot_capacity(index));
    this.secretSlot = slot(SECRET);
    this.textSlot = slot(TEXT);
    this.parts = new Uint32Array(wasm.memory.buffer, wasm.answer_parts(), 6);
    this.buffer = this.NodeBuffer?.from(wasm.memory.buffer);
  }

  fresh() {
    if (this.bytes.byteLength === 0) this.refresh();
    return this;
  }

  writeSecret(secret) {
    return encoder.encodeInto(secret, this.fresh().secretSlot).written;
  }

  writeText(text) {
    return encoder.encodeInto(text, this.fresh().textSlot).written;
  }

  /** Zeroes the secret's first `secretLength` bytes, the answer if `answerLength` is given, and the top of the stack. */
  wipe(secretLength, answerLength = 0) {
    const { bytes } = this.fresh();
    this.secretSlot.fill(0, 0, secretLength);
    if (answerLength > 0) {
      const start = this.wasm.answer_ptr();
      bytes.fill(0, start, start + answerLength);
    }
    bytes.fill(0, this.stackTop - STACK_WIPE_BYTES, this.stackTop);
  }

  /**
   * Writes a PEM key into the secret slot and runs `call(secretLength)`, an export that answers
   * the key as DER; returns a copy of the DER. The module's copies (the slot, the answer, the
   * stack) are zeroed before this returns or throws; the caller zeroes the copy once used.
   */
  keyDer(pem, call) {
    const secretLength = this.writeSecret(pem);
    const length = call(secretLength);
    let der;
    try {
      if (length >= 0) [der] = this.answerParts(1);
    } finally {
      this.wipe(secretLength, Math.max(length, 0));
    }
    this.check(length);
    return der;
  }

  /** Throws the TokenError of an error answer; `detail` adds to its message. */
  check(answer, detail) {
    if (answer < 0) {
      const reason = -1 - answer;
      throw reasonError(reason, detail?.(REASONS[reason].code) ?? '');
    }
    return answer;
  }

  /** The answer (all its parts) as ASCII text: a token or a signing input. */
  ascii(length) {
    const start = this.fresh().wasm.answer_ptr();
    return this.buffer === undefined ? decoder.decode(this.bytes.subarray(start, start + length)) : this.buffer.latin1Slice(start, start + length);
  }

  /** Where each of the answer's first `count` parts starts and ends in module memory. */
  answerSpans(count) {
    let at = this.fresh().wasm.answer_ptr();
    const spans = [];
    for (let i = 0; i < count; i++) {
      spans.push([at, at + this.parts[i]]);
      at += this.parts[i];
    }
    return spans;
  }

  /** The answer's first `count` parts, as copies of their bytes. */
  answerParts(count) {
    return this.answerSpans(count).map(([start, end]) => this.bytes.slice(start, end));
  }

  /** Bytes of module memory as UTF-8 text, without a copy of the bytes. */
  utf8([start, end]) {
    return this.buffer === undefined ? decoder.decode(this.bytes.subarray(start, end)) : this.buffer.utf8Slice(start, end);
  }
}

let fullSource;

/**
 * Binds the layer to the main module (project tokens): the entries that mint call it once, at
 * load. The first copy of the package in this realm instantiates it; the others share it.
 */
export function useMain(source) {
  shared.main ??= new Module(source);
}

/** Where the full module (application credentials, reading tokens) comes from; instantiated on first use. */
export function useFull(source) {
  fullSource ??= source;
}

/** The full module, instantiated on first use by whichever copy of the package needs it first. */
export function fullModule() {
  shared.full ??= new Module(fullSource);
  return shared.full;
}

// An expire time that was rejected is shown (it is a number, never a secret, and shows seconds
// mistaken for milliseconds).
const expireDetail = (fields) => (code) => (code === 'ERR_INVALID_EXPIRE_TIME' ? `, got ${fields.expire}` : '');

/** Mints one token; every string is already cut to at most its maximum plus one code unit. */
export function mintToken(apiKey, apiSecret, sessionId, fields, nowMs, nonce) {
  const { main } = shared;
  const secretLength = main.writeSecret(apiSecret);
  const textLength = main.writeText(apiKey + sessionId + fields.data + fields.layout + nonce);
  const length = main.wasm.mint(secretLength, textLength, apiKey.length, sessionId.length, fields.data.length,
    fields.layout.length, fields.role, fields.hasExpire, fields.expire, fields.tokenType, nowMs);
  main.wipe(secretLength);
  return main.ascii(main.check(length, expireDetail(fields)));
}

/** Makes a generator in the module: its handle, or throws the credentials' error. */
export function createGenerator(apiKey, apiSecret) {
  const { main } = shared;
  const secretLength = main.writeSecret(apiSecret);
  const handle = main.wasm.generator_new(secretLength, main.writeText(apiKey), apiKey.length);
  main.wipe(secretLength);
  return main.check(handle);
}

/** Mints one token with generator `handle`. */
export function generatorToken(handle, sessionId, fields, nowMs, nonce) {
  const { main } = shared;
  const textLength = main.writeText(sessionId + fields.data + fields.layout + nonce);
  const length = main.wasm.generator_mint(handle, textLength, sessionId.length, fields.data.length, fields.layout.length,
    fields.role, fields.hasExpire, fields.expire, fields.tokenType, nowMs);
  return main.ascii(main.check(length, expireDetail(fields)));
}

/** Drops generator `handle` in the module, zeroing its key material. */
export function freeGenerator(handle) {
  const { main } = shared;
  main.wasm.generator_free(handle);
  main.wipe(0);
}

export { expireDetail };

/** The main module's memory size in bytes, and a copy of it (for tests). */
export function memoryBytes(which = 'main') {
  return (which === 'full' ? fullModule() : shared.main).wasm.memory.buffer.byteLength;
}

export function memoryCopy(which = 'main') {
  return new Uint8Array((which === 'full' ? fullModule() : shared.main).wasm.memory.buffer).slice();
}
