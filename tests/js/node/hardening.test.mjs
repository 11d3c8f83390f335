// What an adversarial review of the package asks of it, each case through the packed entries:
// key material does not outlive a call that was cut off inside the module (a RangeError near the
// JavaScript stack limit), and the module is trustworthy again for the next call; expiry fails
// closed, as jose and jsonwebtoken do; nbf and crit are honoured; a key passed as an HMAC secret
// and a CryptoKey that is not an RS256 public key are refused with ERR_INVALID_PUBLIC_KEY; keys
// that cannot sign are refused; a PEM without its padding leaves nothing behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as jose from 'jose';
import { packageEntry, stackTop } from './package-path.mjs';
import { APP, APP_SESSION, KEY, SECRET, SESSION } from '../suite.mjs';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const { generateToken, TokenGenerator, TokenError } = await import(packageEntry('.', 'import'));
const { wasmMemoryCopy } = await import(packageEntry('./testing', 'import'));
const { ClientTokenGenerator, generateClientToken, generateRestToken } = await import(packageEntry('./vonage', 'import'));
const { decodeToken, verifyToken } = await import(packageEntry('./verify', 'import'));

const vector = (name) => readFileSync(new URL(`../../vectors/${name}`, import.meta.url), 'utf8');
const PKCS8 = vector('rsa-2048.pem');
const PUBLIC = vector('rsa-2048-public.pem');
const UNPADDED = vector('rsa-2048-pkcs1-unpadded.pem');
const manifest = JSON.parse(readFileSync(new URL('../../../pkg/package.json', import.meta.url), 'utf8'));
// The package's shared state (lib/shared.js): which instance of each module is current.
const shared = globalThis[Symbol.for(`vonage-video-token@${manifest.version}`)];
const encoder = new TextEncoder();

function find(haystack, needle) {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(Buffer.from(needle));
}

/** The secret's bytes and both padded HMAC-SHA256 key blocks (secrets of at most 64 bytes). */
function keyMaterial(secret) {
  const bytes = encoder.encode(secret);
  const block = new Uint8Array(64);
  block.set(bytes);
  return [['the secret', bytes], ['the inner key block', block.map((b) => b ^ 0x36)], ['the outer key block', block.map((b) => b ^ 0x5c)]];
}

function leftovers(which, secrets) {
  const memory = wasmMemoryCopy(which);
  const found = secrets.flatMap((secret) => keyMaterial(secret).filter(([, needle]) => find(memory, needle) !== -1).map(([name]) => `${name} of ${secret.slice(0, 6)}…`));
  const top = stackTop(which === 'full' ? 'vonage_video_token_full_bg.wasm' : 'vonage_video_token_bg.wasm');
  const dirty = memory.subarray(0, top).findLastIndex((b) => b !== 0);
  if (dirty !== -1) found.push(`stack byte ${top - dirty} below the top`);
  return found;
}

/**
 * Runs `call` at every depth from the JavaScript stack limit up until it completes: the first
 * attempts fail before reaching the module, later ones may fail inside it, the last completes.
 * `pad` small frames between each level and the call shift where the attempts fall, finer than
 * one level. Returns how many attempts a RangeError cut off.
 */
function climbFromStackLimit(call, pad = 0) {
  let cut = 0;
  let done = false;
  const attempt = (left) => (left === 0 ? call() : attempt(left - 1));
  function dive() {
    try {
      dive();
    } catch {
      // The stack limit: try from here on the way back up.
    }
    if (done) return;
    try {
      attempt(pad);
      done = true;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      cut++;
    }
  }
  dive();
  return cut;
}

/** An HS256 JWT with `header` and `payload` (objects, or JSON text), signed with `secret`. */
function hs256(payload, header = { alg: 'HS256', typ: 'JWT' }, secret = SECRET) {
  const part = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

test('a verify cut off inside the module near the stack limit: memory zeroed, a fresh instance, nothing left', () => {
  // Claims nested 31 levels deep: reading them recurses in the module, deeper into the native
  // stack than the JavaScript before it, so some attempts are cut off inside the module.
  const nested = `${'{"a":'.repeat(31)}1${'}'.repeat(31)}`;
  const third = 'third-secret-cut-off-0123456789abcdef';
  const token = hs256(`{"iss":"${KEY}","x":${nested}}`, undefined, third);
  assert.equal(verifyToken(token, third).claims.iss, KEY);
  const generation = shared.full.generation;
  const oldMemory = shared.full.wasm.memory;
  // Shifted finer and finer until an attempt is cut off inside the module (then it is replaced).
  for (let pad = 0; pad < 16 && shared.full.generation === generation; pad++) {
    assert.ok(climbFromStackLimit(() => verifyToken(token, third), pad) > 0, 'the stack limit was reached');
    verifyToken(token, third);
  }
  assert.ok(shared.full.generation > generation, 'an attempt was cut off inside the module, which was replaced');
  assert.ok(new Uint8Array(oldMemory.buffer).every((b) => b === 0), 'the abandoned instance\'s memory is all zero');
  // Ordinary calls with another secret, then every kind of key-handling call.
  const plain = generateToken(KEY, SECRET, SESSION);
  for (let i = 0; i < 10; i++) assert.equal(verifyToken(plain, SECRET).claims.iss, KEY);
  generateRestToken(KEY, SECRET);
  new ClientTokenGenerator(APP, PKCS8); // eslint-disable-line no-new
  assert.deepEqual(leftovers('full', [third, SECRET]), []);
  // The deepest call there is (claims nested as deep as allowed) leaves the whole stack zero too.
  verifyToken(token, third);
  assert.deepEqual(leftovers('full', [third]), []);
  const d = Buffer.from(createPrivateKey(PKCS8).export({ format: 'jwk' }).d, 'base64url');
  assert.equal(find(wasmMemoryCopy('full'), d.subarray(0, 64)), -1, 'the private exponent is left');
});

/**
 * Makes the next call of export `name` of the module `which` run, then throw, as a call cut off
 * after the module wrote its temporaries would (the module's JavaScript is shared: shared.js).
 */
function cutOffNext(which, name) {
  const module = shared[which];
  const real = module.wasm;
  const wrapped = Object.create(null);
  for (const key of Object.keys(real)) wrapped[key] = real[key];
  wrapped[name] = (...args) => {
    real[name](...args);
    module.wasm = real;
    throw new RangeError('Maximum call stack size exceeded');
  };
  module.wasm = wrapped;
}

test('a call of each key-handling kind cut off in the module: key material zeroed, the instance replaced, old generators gone', () => {
  const cases = [
    ['main', 'mint', (secret) => generateToken(KEY, secret, SESSION, { data: 'x' })],
    ['main', 'generator_new', (secret) => new TokenGenerator(KEY, secret)],
    ['full', 'verify_secret', (secret) => verifyToken(hs256({ iss: KEY }, undefined, secret), secret)],
    ['full', 'rest_token', (secret) => generateRestToken(KEY, secret)],
  ];
  for (const [which, name, call] of cases) {
    const early = which === 'main' ? new TokenGenerator(KEY, 'an-early-generator-secret-0123456789') : undefined;
    const generation = shared[which].generation;
    const oldMemory = shared[which].wasm.memory;
    const secret = `cut-off-in-${name}-0123456789abcdef`;
    cutOffNext(which, name);
    assert.throws(() => call(secret), RangeError, name);
    assert.ok(shared[which].abandoned, `${name}: the instance is abandoned`);
    assert.ok(new Uint8Array(oldMemory.buffer).every((b) => b === 0), `${name}: the abandoned instance's memory is all zero`);
    // The next call gets a fresh instance and works; nothing of either secret is left.
    const next = `next-after-${name}-0123456789abcdef`;
    assert.ok(call(next));
    assert.ok(shared[which].generation > generation, `${name}: the instance was replaced`);
    assert.deepEqual(leftovers(which, [secret, next]), [], name);
    if (early) {
      assert.throws(() => early.generateToken(SESSION), (err) => err instanceof TokenError && err.code === 'ERR_GENERATOR_FREED', name);
      early.free();
    }
  }
  const fresh = new TokenGenerator(KEY, SECRET);
  assert.equal(jwt.verify(fresh.generateToken(SESSION), SECRET).session_id, SESSION);
  fresh.free();
});


const NOW = 1_700_000_000;

async function anchors(token) {
  const verdict = async (call) => {
    try {
      await call();
      return 'accepts';
    } catch {
      return 'rejects';
    }
  };
  return {
    jsonwebtoken: await verdict(() => jwt.verify(token, SECRET, { algorithms: ['HS256'], clockTimestamp: NOW })),
    jose: await verdict(() => jose.jwtVerify(token, encoder.encode(SECRET), { currentDate: new Date(NOW * 1000) })),
  };
}

test('expiry fails closed: an exp that is not a number makes the token invalid, as jose and jsonwebtoken have it', async () => {
  const cases = [
    // exp, this package's code (undefined: valid), and what both anchors say.
    ['1700000100', undefined, 'accepts'],
    ['1700000000.5', undefined, 'accepts'],
    ['1.7000001e9', undefined, 'accepts'],
    ['1699999999.5', 'ERR_TOKEN_EXPIRED', 'rejects'],
    ['1.79e9', undefined, 'accepts'],
    ['1.69e9', 'ERR_TOKEN_EXPIRED', 'rejects'],
    ['"1800000000"', 'ERR_INVALID_TOKEN', 'rejects'],
    ['"1600000000"', 'ERR_INVALID_TOKEN', 'rejects'],
    ['null', 'ERR_INVALID_TOKEN', 'rejects'],
    ['true', 'ERR_INVALID_TOKEN', 'rejects'],
    ['[1800000000]', 'ERR_INVALID_TOKEN', 'rejects'],
    ['{"at":1800000000}', 'ERR_INVALID_TOKEN', 'rejects'],
  ];
  for (const [exp, want, anchor] of cases) {
    const token = hs256(`{"iss":"${KEY}","exp":${exp}}`);
    let got;
    try {
      verifyToken(token, SECRET, { now: NOW * 1000 });
    } catch (err) {
      assert.ok(err instanceof TokenError, String(err));
      got = err.code;
    }
    assert.equal(got, want, `exp ${exp}`);
    assert.deepEqual(await anchors(token), { jsonwebtoken: anchor, jose: anchor }, `the anchors on exp ${exp}`);
  }
});

test('a T1 expire_time must be digits: a fraction in the past does not verify', () => {
  const data = (expire) => `session_id=${SESSION}&create_time=1699999000&nonce=0.5&role=publisher&expire_time=${expire}&initial_layout_class_list=&scope=session.connect`;
  const t1 = (text) => `T1==${Buffer.from(`partner_id=${KEY}&sig=${createHmac('sha1', SECRET).update(text).digest('hex')}:${text}`).toString('base64')}`;
  assert.equal(verifyToken(t1(data('1700000100')), SECRET, { now: NOW * 1000 }).claims.expire_time, '1700000100');
  for (const bad of ['1699999999.5', '1700000100.5', '1.8e9', '']) {
    assert.throws(() => verifyToken(t1(data(bad)), SECRET, { now: NOW * 1000 }), { code: 'ERR_INVALID_TOKEN' }, bad);
  }
  assert.throws(() => verifyToken(t1(data('1700000000')), SECRET, { now: NOW * 1000 }), { code: 'ERR_TOKEN_EXPIRED' });
});

test('nbf is honoured with the tolerance; a crit header makes a token invalid; sessionId "" is not "no check"', async () => {
  const soon = hs256({ iss: KEY, exp: NOW + 600, nbf: NOW + 30 });
  assert.throws(() => verifyToken(soon, SECRET, { now: NOW * 1000 }), { code: 'ERR_INVALID_TOKEN', message: /not valid yet/ });
  assert.equal(verifyToken(soon, SECRET, { now: NOW * 1000, clockTolerance: 30 }).claims.nbf, NOW + 30);
  assert.equal(verifyToken(soon, SECRET, { now: (NOW + 30) * 1000 }).claims.iss, KEY);
  assert.deepEqual(await anchors(soon), { jsonwebtoken: 'rejects', jose: 'rejects' });
  const critical = hs256({ iss: KEY, exp: NOW + 600 }, { alg: 'HS256', crit: ['exp'] });
  assert.equal(decodeToken(critical).header.crit[0], 'exp');
  assert.throws(() => verifyToken(critical, SECRET, { now: NOW * 1000 }), { code: 'ERR_INVALID_TOKEN', message: /crit/ });
  assert.equal((await anchors(critical)).jose, 'rejects');
  const token = generateToken(KEY, SECRET, SESSION);
  assert.throws(() => verifyToken(token, SECRET, { sessionId: '' }), { code: 'ERR_INVALID_OPTIONS' });
  assert.equal(verifyToken(token, SECRET, { sessionId: undefined }).claims.session_id, SESSION);
});

test('a public key passed as the HMAC secret is refused: a token signed with its text never verifies', async () => {
  const body = PUBLIC.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
  const jwk = JSON.stringify(createPrivateKey(PKCS8).export({ format: 'jwk' }), ['kty', 'n', 'e']);
  for (const text of [`Public key:\n${PUBLIC}`, JSON.stringify(PUBLIC), PUBLIC.replace(/\n/g, '\r\n'), jwk, body, body.match(/.{1,64}/g).join('\n')]) {
    // The algorithm-confusion attack: HS256 with the key's text as the secret.
    const input = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: KEY })).toString('base64url')}`;
    const forged = `${input}.${createHmac('sha256', text).update(input).digest('base64url')}`;
    // Text that starts as a PEM is taken as an RSA key (a Promise: the HS256 token does not suit
    // it); anything else is refused as an HMAC secret at once.
    const pem = text.startsWith('-----BEGIN');
    let outcome;
    try {
      await verifyToken(forged, text);
      outcome = 'verified';
    } catch (err) {
      outcome = err instanceof TokenError ? err.code : String(err);
    }
    assert.equal(outcome, pem ? 'ERR_INVALID_SIGNATURE' : 'ERR_INVALID_PUBLIC_KEY', text.slice(0, 30));
    if (!pem) assert.throws(() => verifyToken(forged, text), { code: 'ERR_INVALID_PUBLIC_KEY' }, 'synchronously');
  }
});

test('a CryptoKey that is not a public RS256 key with the verify usage is ERR_INVALID_PUBLIC_KEY, never a DOMException', async () => {
  const token = await generateClientToken(APP, PKCS8, APP_SESSION);
  const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const pair = await webcrypto.subtle.generateKey({ ...RS256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify']);
  const spki = await webcrypto.subtle.exportKey('spki', pair.publicKey);
  const unusable = await webcrypto.subtle.importKey('spki', spki, RS256, false, []);
  const sha512 = await webcrypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify']);
  const pss = await webcrypto.subtle.generateKey({ name: 'RSA-PSS', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify']);
  // A token "RS256" in its header, signed with SHA-512: verifies under a SHA-512 key unless the key is refused.
  const input = `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"iss":"x"}').toString('base64url')}`;
  const signed512 = `${input}.${Buffer.from(await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', sha512.privateKey, encoder.encode(input))).toString('base64url')}`;
  for (const [name, candidate, key] of [['a private key', token, pair.privateKey], ['no verify usage', token, unusable], ['SHA-512', signed512, sha512.publicKey], ['RSA-PSS', token, pss.publicKey]]) {
    await assert.rejects(verifyToken(candidate, key), (err) => err instanceof TokenError && err.code === 'ERR_INVALID_PUBLIC_KEY', name);
  }
  const good = await webcrypto.subtle.importKey('spki', Buffer.from(PUBLIC.split('\n').slice(1, -2).join(''), 'base64'), RS256, false, ['verify']);
  assert.equal((await verifyToken(token, good)).claims.application_id, APP);
});

/** DER of an RSAPrivateKey (PKCS#1) from big-endian integers, as a PEM. */
function pkcs1Pem(integers) {
  const length = (n) => (n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff]);
  const element = (tag, bytes) => Buffer.concat([Buffer.from([tag, ...length(bytes.length)]), bytes]);
  const integer = (bytes) => element(0x02, bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
  const der = element(0x30, Buffer.concat(integers.map(integer)));
  return `-----BEGIN RSA PRIVATE KEY-----\n${der.toString('base64').match(/.{1,64}/g).join('\n')}\n-----END RSA PRIVATE KEY-----\n`;
}

test('a private key that is well-formed but cannot sign is refused before any token is minted', async () => {
  const jwk = createPrivateKey(PKCS8).export({ format: 'jwk' });
  const parts = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'].map((name) => Buffer.from(jwk[name], 'base64url'));
  const key = (index, value) => pkcs1Pem([Buffer.from([0]), ...parts.map((part, i) => (i === index ? Buffer.from(value) : part))]);
  assert.ok(jwt.verify(await generateClientToken(APP, key(-1), APP_SESSION), PUBLIC), 'the rebuilt key itself signs');
  const evenModulus = Buffer.from(parts[0]);
  evenModulus[evenModulus.length - 1] &= 0xfe;
  const unusable = [key(1, [0]), key(1, [1]), key(1, [2]), key(1, [1, 0, 0]), key(0, evenModulus), ...[2, 3, 4, 5, 6, 7].map((i) => key(i, [1]))];
  for (const pem of unusable) {
    assert.throws(() => new ClientTokenGenerator(APP, pem), { code: 'ERR_INVALID_PRIVATE_KEY', message: /cannot sign/ });
    await assert.rejects(generateClientToken(APP, pem, APP_SESSION), { code: 'ERR_INVALID_PRIVATE_KEY' });
  }
});

test('a PEM without its = padding reads, and leaves no part of the key in memory', async () => {
  const padding = '='.repeat((4 - (UNPADDED.split('\n').slice(1, -2).join('').length % 4)) % 4);
  assert.ok(padding.length > 0, 'the vector is written without its padding');
  const padded = UNPADDED.replace('\n-----END', `${padding}\n-----END`);
  const jwk = createPrivateKey(padded).export({ format: 'jwk' });
  const generator = new ClientTokenGenerator(APP, UNPADDED);
  const token = await generator.generateToken(APP_SESSION);
  assert.equal(jwt.verify(token, createPublicKey(padded), { algorithms: ['RS256'] }).application_id, APP);
  assert.equal((await verifyToken(token, UNPADDED)).claims.application_id, APP);
  const memory = wasmMemoryCopy('full');
  for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
    assert.equal(find(memory, Buffer.from(jwk[name], 'base64url').subarray(0, 48)), -1, `${name} is left in memory`);
  }
});

test('without WebCrypto, the key\'s DER copy in JavaScript is zeroed as well', () => {
  const copies = [];
  const { slice } = Uint8Array.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  Uint8Array.prototype.slice = function spy(...args) { // eslint-disable-line no-extend-native
    const copy = slice.apply(this, args);
    copies.push(copy);
    return copy;
  };
  try {
    Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues: (a) => webcrypto.getRandomValues(a) }, configurable: true, writable: true });
    assert.throws(() => new ClientTokenGenerator(APP, PKCS8), { code: 'ERR_NO_RANDOMNESS', message: /crypto\.subtle/ });
  } finally {
    Uint8Array.prototype.slice = slice; // eslint-disable-line no-extend-native
    Object.defineProperty(globalThis, 'crypto', descriptor);
  }
  const der = copies.filter((copy) => copy.length > 1000);
  assert.ok(der.length > 0, 'the DER was copied out of the module');
  assert.ok(der.every((copy) => copy.every((b) => b === 0)), 'a DER copy was left unzeroed');
});
