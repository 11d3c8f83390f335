// Property tests across the JS↔wasm boundary (fast-check): arbitrary values for every argument
// and option. Every call returns a token that verifies, or throws a TokenError with a contract
// code — never anything else — the next valid call works, no message or stack carries the
// secret, and WebAssembly memory stays bounded. PROPERTY_RUNS scales the run count (npm run fuzz).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { packageEntry } from './package-path.mjs';
import { KEY, SECRET, SESSION, decodeT1 } from '../suite.mjs';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const { generateToken, TokenGenerator, TokenError } = await import(packageEntry('.', 'import'));
const { generateTokenAt, wasmMemoryBytes } = await import(packageEntry('./testing', 'import'));

const SCALE = Number(process.env.PROPERTY_RUNS ?? 1);
const { CODES: codeList } = await import(new URL('../../../pkg-template/lib/tables.js', import.meta.url));
const CODES = new Set(codeList);
const MEMORY_CEILING = 256 * 1024 * 1024;
const stats = { tokens: 0, errors: 0 };

const base64url = (s) => Buffer.from(s).toString('base64url');
const nowSeconds = () => Math.round(Date.now() / 1000);

// Values of every shape a caller could pass by mistake or malice.
const hostile = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -0, NaN, Infinity, -Infinity, 1n, 2n ** 64n, '', Symbol('s'),
    () => 'fn', new Date(NaN), new Date(), new Uint8Array(3), [], {}, Object.create(null), new Map(), /re/,
    Promise.resolve(), new Error('x'), String.prototype, Object.prototype),
  fc.integer(), fc.double(), fc.bigInt(), fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }),
  fc.constant('\uD800'), fc.constant('a\uDC00b'), fc.array(fc.anything(), { maxLength: 4 }), fc.anything(),
  fc.constant(new Proxy({}, { get() { throw new Error(`trap ${SECRET}`); }, ownKeys() { throw new Error('trap'); } })),
  fc.constant(Object.defineProperty({}, 'role', { enumerable: true, get() { throw new Error('getter'); } })),
  fc.constant(JSON.parse('{"__proto__": {"role": "moderator"}}')),
  fc.constant({ constructor: 'x' }),
);

const validSession = fc.tuple(fc.constantFrom('1_', '2_'), fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9]{10,13}$/))
  .map(([prefix, location, ms]) => prefix + base64url(`1~${KEY}~${location}~${ms}~abc~`).replace(/=+$/, ''));

const optionValue = {
  role: fc.oneof({ arbitrary: fc.constantFrom('publisher', 'subscriber', 'moderator', 'publisheronly'), weight: 8 }, fc.constantFrom('Publisher', 'admin', ''), hostile),
  expireTime: fc.oneof(
    { arbitrary: fc.integer({ min: 60, max: 29 * 86400 }).map((d) => nowSeconds() + d), weight: 6 },
    fc.integer({ min: -40 * 86400, max: 40 * 86400 }).map((d) => nowSeconds() + d),
    fc.double({ min: -1e12, max: 1e13, noNaN: false }),
    fc.date().map((d) => d),
    fc.constant(Date.now() + 3_600_000),
    hostile,
  ),
  data: fc.oneof({ arbitrary: fc.string({ maxLength: 200 }), weight: 6 }, fc.string({ maxLength: 1100 }), fc.string({ unit: 'grapheme', maxLength: 600 }), fc.string({ unit: 'binary', maxLength: 1100 }), hostile),
  initialLayoutClassList: fc.oneof({ arbitrary: fc.array(fc.string({ maxLength: 30 }), { maxLength: 8 }), weight: 6 }, fc.string({ maxLength: 1100 }), fc.array(hostile, { maxLength: 3 }), hostile),
  tokenType: fc.oneof({ arbitrary: fc.constantFrom('JWT', 'T1'), weight: 8 }, fc.constantFrom('jwt', 't1'), hostile),
};
const options = fc.oneof(
  { arbitrary: fc.record(optionValue, { requiredKeys: [] }), weight: 6 },
  fc.record({ ...optionValue, [fc.sample(fc.constantFrom('expire_time', 'layout', 'connectionData', '__proto__', 'constructor'), 1)[0]]: fc.anything() }, { requiredKeys: [] }),
  hostile,
);

const apiKey = fc.oneof(fc.constant(KEY), fc.constant(Number(KEY)), hostile, fc.stringMatching(/^[0-9]{1,18}$/));
const sessionId = fc.oneof(fc.constant(SESSION), validSession, hostile, fc.string({ maxLength: 300 }));
// Secrets with a marker that appears nowhere else, so a leak is unambiguous.
const secret = fc.oneof(fc.constant(SECRET), fc.stringMatching(/^[a-f0-9]{16}$/).map((h) => `Sx${h}`), fc.string({ unit: 'grapheme', minLength: 12, maxLength: 40 }).map((s) => `Sx${s}`));

function verifyToken(token, secretValue) {
  if (token.startsWith('T1==')) {
    const { head, data } = decodeT1(token);
    const sig = /&sig=([0-9a-f]{40})$/.exec(head)?.[1];
    assert.equal(sig, createHmac('sha1', secretValue).update(data).digest('hex'), 'T1 signature');
  } else {
    const claims = jwt.verify(token, secretValue, { algorithms: ['HS256'], ignoreExpiration: true });
    assert.equal(claims.scope, 'session.connect');
  }
}

/** Runs `call`; a throw must be a coded TokenError without the secret. Returns whether it returned. */
function returnsOrThrowsCoded(call, secretValue) {
  try {
    call();
    return true;
  } catch (err) {
    checkThrown(err, secretValue);
    return false;
  }
}

function checkThrown(err, secretValue) {
  stats.errors++;
  assert.ok(err instanceof TokenError, `not a TokenError: ${err && err.name}: ${err && err.message}`);
  assert.ok(CODES.has(err.code), `unknown code ${err.code}`);
  assert.equal(typeof err.message, 'string');
  if (typeof secretValue === 'string' && secretValue.startsWith('Sx')) {
    assert.ok(!err.message.includes(secretValue) && !String(err.stack).includes(secretValue), 'secret leaked into an error');
  }
}

function checkOutcome(call, secretValue) {
  let token;
  try {
    token = call();
  } catch (err) {
    checkThrown(err, secretValue);
    return;
  }
  stats.tokens++;
  assert.equal(typeof token, 'string');
  if (typeof secretValue === 'string' && secretValue.length > 0) verifyToken(token, secretValue);
}

function nextValidCallWorks() {
  const claims = jwt.verify(generateToken(KEY, SECRET, SESSION), SECRET, { algorithms: ['HS256'] });
  assert.equal(claims.session_id, SESSION);
}

test(`generateToken: arbitrary arguments (${60_000 * SCALE} runs)`, () => {
  fc.assert(fc.property(apiKey, secret, sessionId, options, (k, s, sid, o) => {
    checkOutcome(() => generateToken(k, s, sid, o), s);
    nextValidCallWorks();
  }), { numRuns: 60_000 * SCALE });
});

test(`generateToken: hostile secrets (${20_000 * SCALE} runs)`, () => {
  fc.assert(fc.property(hostile, sessionId, (s, sid) => {
    checkOutcome(() => generateToken(KEY, s, sid), s);
    nextValidCallWorks();
  }), { numRuns: 20_000 * SCALE });
});

test(`generateToken: valid credentials and sessions, arbitrary options (${60_000 * SCALE} runs)`, () => {
  fc.assert(fc.property(secret, validSession, options, (s, sid, o) => {
    checkOutcome(() => generateToken(KEY, s, sid, o), s);
  }), { numRuns: 60_000 * SCALE });
});

test(`TokenGenerator: arbitrary construction and use (${40_000 * SCALE} runs)`, () => {
  fc.assert(fc.property(apiKey, secret, sessionId, options, fc.boolean(), (k, s, sid, o, freeFirst) => {
    let generator;
    if (!returnsOrThrowsCoded(() => { generator = new TokenGenerator(k, s); }, s)) return;
    if (freeFirst) generator.free();
    checkOutcome(() => generator.generateToken(sid, o), s);
    generator.free();
    nextValidCallWorks();
  }), { numRuns: 40_000 * SCALE });
});

test(`generateTokenAt: arbitrary fixed inputs (${20_000 * SCALE} runs)`, () => {
  const fixed = fc.oneof(fc.record({ now: fc.oneof(fc.double(), fc.integer({ min: 0, max: 2e12 })), nonce: fc.oneof(fc.double(), fc.double({ min: 0, max: 1, maxExcluded: true })) }), hostile);
  fc.assert(fc.property(fixed, options, (f, o) => {
    checkOutcome(() => generateTokenAt(f, KEY, SECRET, SESSION, o), SECRET);
  }), { numRuns: 20_000 * SCALE });
});

test('huge strings (up to 10 MB) in every position, then memory stays bounded', () => {
  const big = (n) => 'x'.repeat(n);
  const sizes = [1 << 16, 1 << 20, 10 * 1024 * 1024];
  for (const n of sizes) {
    for (const args of [[big(n), SECRET, SESSION], [KEY, big(n), SESSION], [KEY, SECRET, `1_${big(n)}`],
      [KEY, SECRET, SESSION, { data: big(n) }], [KEY, SECRET, SESSION, { initialLayoutClassList: big(n) }], [KEY, SECRET, SESSION, { role: big(n) }]]) {
      checkOutcome(() => generateToken(...args), args[1]);
      nextValidCallWorks();
    }
  }
  assert.ok(wasmMemoryBytes() <= MEMORY_CEILING, `wasm memory ${wasmMemoryBytes()} B`);
});

test('summary: memory bounded, both outcomes exercised', () => {
  const bytes = wasmMemoryBytes();
  console.log(`# properties: ${stats.tokens} tokens verified, ${stats.errors} coded errors, wasm memory ${bytes} B`);
  assert.ok(bytes <= MEMORY_CEILING);
  assert.ok(stats.tokens > 1000 && stats.errors > 1000, 'the arbitraries must reach both outcomes');
});
