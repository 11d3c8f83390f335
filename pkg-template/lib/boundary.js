// The byte protocol with the WebAssembly modules (their Rust side is wasm/src/). The secret (or a
// PEM key) is written with TextEncoder#encodeInto into its slot of a module's static input area,
// the other texts joined into the other slot with one more encodeInto; their lengths in UTF-16
// code units and the numbers are the export's arguments. An export answers the length of its
// answer (read from module memory, in parts) or -(1 + reason).
//
// Every call goes through Module#call, which owns what must happen whatever is thrown: after a
// call that handled key material it zeroes the secret's slot, an answer that held key material,
// and the top of the module's stack, where the call kept its temporaries (HMAC key blocks, hash
// states), in a `finally`. And a call cut off inside the module (a RangeError near the JavaScript
// stack limit, or any other exception unwinding through WebAssembly) leaves the module in a state
// nothing can trust: its stack pointer not restored, its heap holding what the call allocated
// (a DER copy, key blocks), maybe mid-update. Such a module is abandoned: its whole memory is
// zeroed and a fresh instance of the same compiled module replaces it before the next call
// (generators made before then are gone with it: ERR_GENERATOR_FREED).
import { fail, reasonError } from './errors.js';
import { shared } from './shared.js';
import { REASONS } from './tables.js';
import { compiled } from './wasm.js';

const SECRET = 0;
const TEXT = 1;
// How much of each module's stack a wipe zeroes: at least twice the deepest call's use (the main
// module: under 1 KB; the full one: about 3.2 KB, reading a token whose JSON is nested 32 deep).
// tests/js/node/zeroing.test.mjs and hardening.test.mjs check that the whole stack is zero after
// a wipe.
const STACK_WIPE_BYTES = { main: 2048, full: 8192, video: 0 };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Node's and Bun's Buffer decodes the (ASCII) token with latin1Slice about twice as fast as
// TextDecoder; other runtimes use TextDecoder.
const NodeBuffer = typeof globalThis.Buffer?.prototype?.latin1Slice === 'function' ? globalThis.Buffer : undefined;

/** One instantiated module, the views over its memory, and how to replace it with a fresh instance. */
class Module {
  /** `source` is what an entry hands over (wasm.js): { compile, instantiate }; `stackWipe` how many bytes of its stack a wipe zeroes. */
  constructor(source, stackWipe) {
    this.stackWipe = stackWipe;
    this.module = compiled(source.compile());
    this.instantiate = source.instantiate;
    this.NodeBuffer = NodeBuffer;
    // Which instance this is: generators belong to one.
    this.generation = 0;
    this.start();
  }

  /**
   * A fresh instance: a new memory, the stack pointer at its top, nothing allocated. Everything
   * that can throw comes first; the fields change only once nothing can (a throw half-way would
   * leave views over the old memory beside the new instance).
   */
  start() {
    const wasm = this.instantiate(this.module);
    const stackTop = wasm.stack_top();
    const view = this.views(wasm);
    this.wasm = wasm;
    this.stackTop = stackTop;
    this.view = view;
    this.generation++;
    this.abandoned = false;
  }

  /** Views over `wasm`'s memory: its bytes, the input slots, the answer's part lengths. */
  views(wasm) {
    const bytes = new Uint8Array(wasm.memory.buffer);
    const slot = (index) => bytes.subarray(wasm.slot_ptr(index), wasm.slot_ptr(index) + wasm.slot_capacity(index));
    return {
      bytes, secretSlot: slot(SECRET), textSlot: slot(TEXT),
      parts: new Uint32Array(wasm.memory.buffer, wasm.answer_parts(), 6), buffer: this.NodeBuffer?.from(wasm.memory.buffer),
    };
  }

  get bytes() {
    return this.view.bytes;
  }

  get secretSlot() {
    return this.view.secretSlot;
  }

  get textSlot() {
    return this.view.textSlot;
  }

  get parts() {
    return this.view.parts;
  }

  get buffer() {
    return this.view.buffer;
  }

  // Growing the memory detaches the views (their length becomes 0).
  refresh() {
    this.view = this.views(this.wasm);
  }

  fresh() {
    if (this.bytes.byteLength === 0) this.refresh();
    return this;
  }

  /**
   * Marks the instance untrusted and zeroes its whole memory. Near the stack limit even the
   * zeroing can throw: then the next call does it, before anything else.
   */
  abandon() {
    this.abandoned = true;
    try {
      new Uint8Array(this.wasm.memory.buffer).fill(0);
    } catch {
      // The next call zeroes it (renew).
    }
  }

  /** Replaces an abandoned instance: its memory zeroed (again), a fresh one started. */
  renew() {
    new Uint8Array(this.wasm.memory.buffer).fill(0);
    this.start();
  }

  /**
   * One call into the module: writes `secret` (when given) into its slot and `text` (when
   * given) into the other, runs `invoke(secretLength, textLength)` (the export call, which
   * answers a length or an error code), then `read(answer)` turns the answer into JavaScript
   * values or throws its TokenError. With `wipe` (calls that handled key material) the secret's
   * slot and the top of the stack are zeroed afterwards, and the answer too if it was key
   * material (`wipe: 'answer'`), whether the call returned or threw; if anything threw before
   * the module had answered, the instance is abandoned.
   */
  call({ secret, text, bytes, wipe = false }, invoke, read) {
    if (this.abandoned) this.renew();
    let secretLength = 0;
    let answer = -1;
    let answered = false;
    try {
      if (secret !== undefined) secretLength = encoder.encodeInto(secret, this.fresh().secretSlot).written;
      const textLength = text === undefined ? 0 : encoder.encodeInto(text, this.fresh().textSlot).written;
      // Bytes (an answer of the Video REST API) follow the text; the caller bounded them.
      if (bytes !== undefined) this.textSlot.set(bytes, textLength);
      answer = invoke(this.wasm, secretLength, textLength);
      answered = true;
      return read(answer);
    } finally {
      // Marked before anything is called: near the stack limit any call here can throw too.
      if (!answered) {
        this.abandoned = true;
        this.abandon();
      } else if (wipe) {
        try {
          this.wipe(secretLength, wipe === 'answer' ? Math.max(answer, 0) : 0);
        } catch (error) {
          this.abandoned = true;
          this.abandon();
          throw error;
        }
      }
    }
  }

  /** Zeroes the secret's first `secretLength` bytes, the answer if `answerLength` is given, and the top of the stack. */
  wipe(secretLength, answerLength = 0) {
    const { bytes } = this.fresh();
    this.secretSlot.fill(0, 0, secretLength);
    if (answerLength > 0) {
      const start = this.wasm.answer_ptr();
      bytes.fill(0, start, start + answerLength);
    }
    bytes.fill(0, this.stackTop - this.stackWipe, this.stackTop);
  }

  /**
   * Writes a PEM key into the secret slot (and `text`, if given, into the other) and runs
   * `invoke`, an export that answers the key as DER; returns a copy of the DER. The module's
   * copies (the slot, the answer, the stack) are zeroed before this returns or throws; the caller
   * zeroes the copy once used.
   */
  keyDer(pem, text, invoke) {
    return this.call({ secret: pem, text, wipe: 'answer' }, invoke, (answer) => {
      this.check(answer);
      return this.answerParts(1)[0];
    });
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

/**
 * Binds the layer to the main module (project tokens): the entries that mint call it once, at
 * load. The first copy of the package in this realm instantiates it; the others share it.
 */
export function useMain(source) {
  shared.main ??= new Module(source, STACK_WIPE_BYTES.main);
}

/**
 * A module instantiated on first use, by whichever copy of the package needs it first (so its
 * source is shared too): `use(source)` at load, `get()` at the call.
 */
function lazyModule(name) {
  return {
    use: (source) => {
      shared[`${name}Source`] ??= source;
    },
    get: () => (shared[name] ??= new Module(shared[`${name}Source`], STACK_WIPE_BYTES[name])),
  };
}

const full = lazyModule('full');
const video = lazyModule('video');

/** The full module (application credentials, reading tokens): where it comes from, and the module. */
export const useFull = full.use;
export const fullModule = full.get;

/** The Video REST API's module (no key material reaches it: nothing to wipe): where it comes from, and the module. */
export const useVideo = video.use;
export const videoModule = video.get;

// An expire time that was rejected is shown (it is a number, never a secret, and shows seconds
// mistaken for milliseconds).
const expireDetail = (fields) => (code) => (code === 'ERR_INVALID_EXPIRE_TIME' ? `, got ${fields.expire}` : '');

/** Mints one token; every string is already cut to at most its maximum plus one code unit. */
export function mintToken(apiKey, apiSecret, sessionId, fields, nowMs, nonce) {
  const { main } = shared;
  return main.call({ secret: apiSecret, text: apiKey + sessionId + fields.data + fields.layout + nonce, wipe: true },
    (wasm, secretLength, textLength) => wasm.mint(secretLength, textLength, apiKey.length, sessionId.length, fields.data.length,
      fields.layout.length, fields.role, fields.hasExpire, fields.expire, fields.tokenType, nowMs),
    (length) => main.ascii(main.check(length, expireDetail(fields))));
}

/** Makes a generator in the module: its handle (the instance it lives in, and its index there), or throws the credentials' error. */
export function createGenerator(apiKey, apiSecret) {
  const { main } = shared;
  return main.call({ secret: apiSecret, text: apiKey, wipe: true },
    (wasm, secretLength, textLength) => wasm.generator_new(secretLength, textLength, apiKey.length),
    (index) => ({ index: main.check(index), generation: main.generation }));
}

/** The module, if generator `handle` still lives in its current instance. */
function generatorModule(handle) {
  const { main } = shared;
  return main.generation === handle.generation && !main.abandoned ? main : undefined;
}

/** Mints one token with generator `handle`. */
export function generatorToken(handle, sessionId, fields, nowMs, nonce) {
  const main = generatorModule(handle);
  if (main === undefined) {
    throw fail('ERR_GENERATOR_FREED', 'this TokenGenerator was lost when the module was reset after an interrupted call; create a new one');
  }
  return main.call({ text: sessionId + fields.data + fields.layout + nonce },
    (wasm, _, textLength) => wasm.generator_mint(handle.index, textLength, sessionId.length, fields.data.length, fields.layout.length,
      fields.role, fields.hasExpire, fields.expire, fields.tokenType, nowMs),
    (length) => main.ascii(main.check(length, expireDetail(fields))));
}

/** Drops generator `handle` in the module, zeroing its key material (gone already if its instance was replaced). */
export function freeGenerator(handle) {
  generatorModule(handle)?.call({ wipe: true }, (wasm) => {
    wasm.generator_free(handle.index);
    return 0;
  }, () => undefined);
}

export { expireDetail };

/** The main module's memory size in bytes, and a copy of it (for tests). */
export function memoryBytes(which = 'main') {
  return (which === 'full' ? fullModule() : shared.main).wasm.memory.buffer.byteLength;
}

export function memoryCopy(which = 'main') {
  return new Uint8Array((which === 'full' ? fullModule() : shared.main).wasm.memory.buffer).slice();
}
