// The JavaScript face of the wasm module: checks argument types, reads the options object
// (own keys only), reads the clock, draws nonces from crypto.getRandomValues, and turns the
// module's coded errors into TokenError. Every runtime entry initialises the module first and
// re-exports from here.
import { mint, Generator, memory_bytes } from './glue.js';

const ROLES = { __proto__: null, publisher: 0, subscriber: 1, moderator: 2, publisheronly: 3 };
const TOKEN_TYPES = { __proto__: null, JWT: 0, T1: 1 };
const OPTION_NAMES = ['role', 'expireTime', 'data', 'initialLayoutClassList', 'tokenType'];
const MAX_DATA_LENGTH = 1000;
const MAX_LAYOUT_CLASS_LIST_LENGTH = 1024;
const DEFAULTS = Object.freeze({ role: 0, expireTime: undefined, data: undefined, layout: undefined, tokenType: 0 });

const decoder = new TextDecoder();

/** The error every failure throws; `code` is stable, `message` never contains the secret. */
export class TokenError extends Error {
  constructor(code, message, options) {
    super(message, options);
    Object.defineProperty(this, 'code', { value: code, enumerable: true });
  }
}
Object.defineProperty(TokenError.prototype, 'name', { value: 'TokenError', writable: true, configurable: true });

// Describes a value by its kind only: never its content, which could be a secret.
function kind(value) {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string': return `a string of length ${value.length}`;
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      if (!Number.isFinite(value)) return 'an infinite number';
      return Number.isInteger(value) ? 'an integer' : 'a fractional number';
    case 'undefined': return 'undefined';
    case 'function': return 'a function';
    case 'object':
      try {
        if (Array.isArray(value)) return 'an array';
      } catch {
        return 'a revoked proxy';
      }
      return 'an object';
    default: return `a ${typeof value}`;
  }
}

const isWellFormed = typeof String.prototype.isWellFormed === 'function'
  ? (s) => s.isWellFormed()
  : (s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

function fail(code, message, cause) {
  return new TokenError(code, message, cause === undefined ? undefined : { cause });
}

// Messages for the errors the module reports (it sends only the code). None quotes an input
// string: any of them could be the secret.
const MESSAGES = {
  __proto__: null,
  ERR_INVALID_API_KEY: () => 'apiKey must be a positive safe integer or a non-empty string of ASCII digits',
  ERR_INVALID_API_SECRET: () => 'apiSecret must be a non-empty string',
  ERR_INVALID_SESSION_ID: () => "sessionId must be a Vonage Video session id: a 2-character prefix, then base64 of '~'-separated fields",
  ERR_SESSION_KEY_MISMATCH: () => 'sessionId belongs to a different API key than the one given',
  ERR_INVALID_EXPIRE_TIME: (o) => `options.expireTime must be a Unix time in seconds from the token's creation time to 30 days after it, got ${o.expireTime} (seconds, not milliseconds)`,
  ERR_INVALID_DATA: () => `options.data must be at most ${MAX_DATA_LENGTH} UTF-16 code units long`,
  ERR_INVALID_LAYOUT_CLASS_LIST: () => `options.initialLayoutClassList must be at most ${MAX_LAYOUT_CLASS_LIST_LENGTH} UTF-16 code units long once joined`,
  ERR_INVALID_OPTIONS: () => 'fixed.now must be a clock reading in milliseconds from 0 to 8.64e15',
};

// The module answers with the token's ASCII bytes, or "\0<CODE>".
function fromWasm(bytes, options) {
  const text = decoder.decode(bytes);
  if (bytes[0] !== 0) return text;
  const code = text.slice(1);
  const message = MESSAGES[code];
  throw new TokenError(code, message === undefined ? `token could not be minted (${code})` : message(options));
}

// Random words drawn 1 KB at a time: one crypto.getRandomValues call per 128 nonces. Nonces are
// public (they are written into every token), so keeping a few ahead exposes nothing.
const pool = new Uint32Array(256);
let poolUsed = pool.length;

/** A uniformly random 53-bit float in [0, 1), the shape of opentok-node's Math.random() nonce. */
function randomNonce() {
  const crypto = globalThis.crypto;
  if (crypto === undefined || crypto === null || typeof crypto.getRandomValues !== 'function') {
    throw fail('ERR_NO_RANDOMNESS', 'crypto.getRandomValues is not available in this runtime');
  }
  if (poolUsed === pool.length) {
    try {
      crypto.getRandomValues(pool);
    } catch (cause) {
      throw fail('ERR_NO_RANDOMNESS', 'crypto.getRandomValues failed', cause);
    }
    poolUsed = 0;
  }
  const high = pool[poolUsed++] >>> 11;
  const low = pool[poolUsed++];
  return (high * 4294967296 + low) / 9007199254740992;
}

function apiKeyString(apiKey) {
  if (typeof apiKey === 'string') return apiKey;
  if (typeof apiKey === 'number' && Number.isSafeInteger(apiKey) && apiKey > 0) return String(apiKey);
  throw fail('ERR_INVALID_API_KEY', `apiKey must be a positive safe integer or a string of ASCII digits, got ${kind(apiKey)}`);
}

function checkApiSecret(apiSecret) {
  if (typeof apiSecret !== 'string' || apiSecret.length === 0) {
    throw fail('ERR_INVALID_API_SECRET', `apiSecret must be a non-empty string, got ${kind(apiSecret)}`);
  }
}

function checkSessionId(sessionId) {
  if (typeof sessionId !== 'string' || sessionId.length === 0 || !isWellFormed(sessionId)) {
    const got = typeof sessionId === 'string' && sessionId.length > 0 ? 'a string with a lone surrogate' : kind(sessionId);
    throw fail('ERR_INVALID_SESSION_ID', `sessionId must be a non-empty session id string, got ${got}`);
  }
}

// The known option name closest to `key`, if any is close: same letters ignoring case and
// separators, or an edit distance of at most 3.
function closestOption(key) {
  const squash = (s) => s.toLowerCase().replace(/[^a-z]/g, '');
  const target = squash(key.slice(0, 64));
  let best;
  let bestDistance = 4;
  for (const name of OPTION_NAMES) {
    const candidate = squash(name);
    if (candidate === target) return name;
    const d = editDistance(candidate, target, bestDistance);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  if (best === undefined && target.length >= 4) {
    for (const name of OPTION_NAMES) if (squash(name).includes(target) || target.includes(squash(name))) return name;
  }
  return best;
}

function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function readRole(role) {
  if (role === undefined) return 0;
  if (typeof role === 'string' && role in ROLES) return ROLES[role];
  const hint = typeof role === 'string' && role.toLowerCase() in ROLES ? ' (role names are lower case)' : '';
  throw fail('ERR_INVALID_ROLE', `options.role must be 'publisher', 'subscriber', 'moderator' or 'publisheronly', got ${kind(role)}${hint}`);
}

function readExpireTime(expireTime) {
  if (expireTime === undefined) return undefined;
  if (typeof expireTime === 'number') {
    if (Number.isFinite(expireTime)) return expireTime;
  } else if (expireTime !== null && typeof expireTime === 'object') {
    let ms;
    try {
      ms = Date.prototype.getTime.call(expireTime);
    } catch {
      ms = undefined;
    }
    if (ms === undefined) {
      // not a Date: fall through to the error below
    } else if (Number.isFinite(ms)) {
      return ms / 1000;
    } else {
      throw fail('ERR_INVALID_EXPIRE_TIME', 'options.expireTime must be a valid Date, got an invalid Date');
    }
  }
  throw fail('ERR_INVALID_EXPIRE_TIME', `options.expireTime must be a finite Unix time in seconds or a Date, got ${kind(expireTime)}`);
}

function readData(data) {
  if (data === undefined) return undefined;
  if (typeof data !== 'string') throw fail('ERR_INVALID_DATA', `options.data must be a string, got ${kind(data)}`);
  if (data.length > MAX_DATA_LENGTH) {
    throw fail('ERR_INVALID_DATA', `options.data must be at most ${MAX_DATA_LENGTH} UTF-16 code units long, got ${data.length}`);
  }
  if (!isWellFormed(data)) throw fail('ERR_INVALID_DATA', 'options.data must be a well-formed string, got a string with a lone surrogate');
  return data.length === 0 ? undefined : data;
}

function readLayout(list) {
  if (list === undefined) return undefined;
  let joined;
  if (typeof list === 'string') {
    joined = list;
  } else {
    let isArray = false;
    try {
      isArray = Array.isArray(list);
    } catch {
      isArray = false;
    }
    if (!isArray) {
      throw fail('ERR_INVALID_LAYOUT_CLASS_LIST', `options.initialLayoutClassList must be a string or an array of strings, got ${kind(list)}`);
    }
    joined = joinClasses(list);
  }
  if (joined.length > MAX_LAYOUT_CLASS_LIST_LENGTH) {
    throw fail('ERR_INVALID_LAYOUT_CLASS_LIST', `options.initialLayoutClassList must be at most ${MAX_LAYOUT_CLASS_LIST_LENGTH} UTF-16 code units long once joined, got ${joined.length}`);
  }
  if (!isWellFormed(joined)) {
    throw fail('ERR_INVALID_LAYOUT_CLASS_LIST', 'options.initialLayoutClassList must hold well-formed strings, got a lone surrogate');
  }
  return joined;
}

function joinClasses(list) {
  const tooLong = () => fail('ERR_INVALID_LAYOUT_CLASS_LIST', `options.initialLayoutClassList must be at most ${MAX_LAYOUT_CLASS_LIST_LENGTH} UTF-16 code units long once joined`);
  let length;
  try {
    length = list.length;
  } catch (cause) {
    throw fail('ERR_INVALID_LAYOUT_CLASS_LIST', 'options.initialLayoutClassList could not be read', cause);
  }
  // n classes need n - 1 separators, so more than 1025 classes can never fit.
  if (!(length <= MAX_LAYOUT_CLASS_LIST_LENGTH + 1)) throw tooLong();
  let joined = '';
  for (let i = 0; i < length; i++) {
    let item;
    try {
      item = list[i];
    } catch (cause) {
      throw fail('ERR_INVALID_LAYOUT_CLASS_LIST', `options.initialLayoutClassList[${i}] could not be read`, cause);
    }
    if (typeof item !== 'string') {
      throw fail('ERR_INVALID_LAYOUT_CLASS_LIST', `options.initialLayoutClassList[${i}] must be a string, got ${kind(item)}`);
    }
    joined = i === 0 ? item : `${joined} ${item}`;
    if (joined.length > MAX_LAYOUT_CLASS_LIST_LENGTH) throw tooLong();
  }
  return joined;
}

function readTokenType(tokenType) {
  if (tokenType === undefined) return 0;
  if (typeof tokenType === 'string' && tokenType in TOKEN_TYPES) return TOKEN_TYPES[tokenType];
  throw fail('ERR_INVALID_TOKEN_TYPE', `options.tokenType must be 'JWT' or 'T1', got ${kind(tokenType)}`);
}

function ownKeys(options) {
  try {
    if (Array.isArray(options)) return undefined;
    const proto = Object.getPrototypeOf(options);
    // A plain object: its prototype is some realm's Object.prototype, or null.
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return undefined;
    return Object.keys(options);
  } catch (cause) {
    throw fail('ERR_INVALID_OPTIONS', 'options could not be read', cause);
  }
}

// Reads only the object's own keys, so a polluted Object.prototype cannot inject options.
function readOptions(options) {
  if (options === undefined || options === null) return DEFAULTS;
  const keys = typeof options === 'object' ? ownKeys(options) : undefined;
  if (keys === undefined) throw fail('ERR_INVALID_OPTIONS', `options must be a plain object, got ${kind(options)}`);
  const raw = { __proto__: null };
  for (const key of keys) {
    if (!OPTION_NAMES.includes(key)) {
      const suggestion = closestOption(key);
      const named = key.length > 64 ? `${key.slice(0, 64)}…` : key;
      throw fail('ERR_UNKNOWN_OPTION', `options has an unknown key "${named}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; known keys: ${OPTION_NAMES.join(', ')}`);
    }
    try {
      raw[key] = options[key];
    } catch (cause) {
      throw fail('ERR_INVALID_OPTIONS', `options.${key} could not be read`, cause);
    }
  }
  return {
    role: readRole(raw.role),
    expireTime: readExpireTime(raw.expireTime),
    data: readData(raw.data),
    layout: readLayout(raw.initialLayoutClassList),
    tokenType: readTokenType(raw.tokenType),
  };
}

function readFixed(fixed) {
  let now;
  let nonce;
  try {
    now = fixed.now;
    nonce = fixed.nonce;
  } catch (cause) {
    throw fail('ERR_INVALID_OPTIONS', 'fixed must be an object { now, nonce }', cause);
  }
  if (typeof now !== 'number' || typeof nonce !== 'number') {
    throw fail('ERR_INVALID_OPTIONS', `fixed.now and fixed.nonce must be numbers, got ${kind(now)} and ${kind(nonce)}`);
  }
  if (!(nonce >= 0 && nonce < 1)) throw fail('ERR_INVALID_OPTIONS', `fixed.nonce must be a number in [0, 1), got ${kind(nonce)}`);
  return { now, nonce };
}

function mintOnce(apiKey, apiSecret, sessionId, options, now, nonce) {
  const key = apiKeyString(apiKey);
  checkApiSecret(apiSecret);
  checkSessionId(sessionId);
  const o = readOptions(options);
  return fromWasm(mint(key, apiSecret, sessionId, o.role, o.expireTime, o.data, o.layout, o.tokenType,
    now ?? Date.now(), String(nonce ?? randomNonce())), o);
}

/**
 * Mints a Vonage Video client token (see index.d.ts for the full documentation).
 */
export function generateToken(apiKey, apiSecret, sessionId, options) {
  return mintOnce(apiKey, apiSecret, sessionId, options, undefined, undefined);
}

/**
 * Test-only: mints with a given clock (ms) and nonce instead of reading them.
 */
export function generateTokenAt(fixed, apiKey, apiSecret, sessionId, options) {
  const { now, nonce } = readFixed(fixed);
  return mintOnce(apiKey, apiSecret, sessionId, options, now, nonce);
}

let generatorMintAt;

/** Holds one project's key; see index.d.ts. */
export class TokenGenerator {
  #inner;
  #apiKey;

  constructor(apiKey, apiSecret) {
    const key = apiKeyString(apiKey);
    checkApiSecret(apiSecret);
    const inner = new Generator(key, apiSecret);
    const error = inner.error();
    if (error.length > 0) {
      inner.free();
      fromWasm(error, DEFAULTS);
    }
    this.#inner = inner;
    this.#apiKey = key;
  }

  /** The API key this generator mints for, as a string. */
  get apiKey() {
    return this.#apiKey;
  }

  #mint(sessionId, options, now, nonce) {
    if (this.#inner === undefined) throw fail('ERR_GENERATOR_FREED', 'this TokenGenerator was freed; create a new one');
    checkSessionId(sessionId);
    const o = readOptions(options);
    return fromWasm(this.#inner.mint(sessionId, o.role, o.expireTime, o.data, o.layout, o.tokenType,
      now ?? Date.now(), String(nonce ?? randomNonce())), o);
  }

  generateToken(sessionId, options) {
    return this.#mint(sessionId, options, undefined, undefined);
  }

  /** Zeroes the key material held in wasm memory; later calls throw ERR_GENERATOR_FREED. */
  free() {
    const inner = this.#inner;
    this.#inner = undefined;
    if (inner !== undefined) inner.free();
  }

  static {
    generatorMintAt = (generator, fixed, sessionId, options) => {
      const { now, nonce } = readFixed(fixed);
      return generator.#mint(sessionId, options, now, nonce);
    };
  }
}
if (typeof Symbol.dispose === 'symbol') {
  Object.defineProperty(TokenGenerator.prototype, Symbol.dispose, {
    value: TokenGenerator.prototype.free, writable: true, configurable: true,
  });
}

/**
 * Test-only: what `generator.generateToken(sessionId, options)` returns with a given clock and nonce.
 */
export function generatorTokenAt(generator, fixed, sessionId, options) {
  if (!(generator instanceof TokenGenerator)) {
    throw fail('ERR_INVALID_OPTIONS', `generator must be a TokenGenerator, got ${kind(generator)}`);
  }
  return generatorMintAt(generator, fixed, sessionId, options);
}

/** Test-only: the size of the module's WebAssembly memory, in bytes. */
export function wasmMemoryBytes() {
  return memory_bytes();
}
