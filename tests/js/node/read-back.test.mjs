// Reading tokens back (vonage-video-token/verify): every format this package and the official SDKs
// mint decodes and verifies; tampered, truncated, re-signed, unsigned and algorithm-confused
// tokens are refused with their codes; expiry and expectations are checked against a fixed clock;
// hostile input (huge, binary, deeply nested, __proto__ keys) gets ERR_INVALID_TOKEN, pollutes no
// prototype and grows no memory; property tests throw only coded errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { packageEntry } from './package-path.mjs';
import { pinned } from './inputs.mjs';
import { APP, APP_SESSION, KEY, SECRET, SESSION } from '../suite.mjs';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const OpenTok = require('opentok');
const { Video } = require('@vonage/video');
const { Auth } = require('@vonage/auth');
const { decodeToken, verifyToken, TokenError } = await import(packageEntry('./verify', 'import'));
const { generateToken, TokenGenerator } = await import(packageEntry('.', 'import'));
const { generateClientToken } = await import(packageEntry('./vonage', 'import'));
const { wasmMemoryBytes } = await import(packageEntry('./testing', 'import'));

const vector = (name) => readFileSync(new URL(`../../vectors/${name}`, import.meta.url), 'utf8');
const vectors = JSON.parse(vector('tokens.json'));
const PKCS8 = vector('rsa-2048.pem');
const PUBLIC = vector('rsa-2048-public.pem');
const OPTIONS = { role: 'moderator', data: 'name=Jo é & more', initialLayoutClassList: ['focus', 'main'] };

function code(call) {
  try {
    const result = call();
    if (result instanceof Promise) return result.then(() => 'no error', (err) => err.code ?? String(err));
    return 'no error';
  } catch (err) {
    assert.ok(err instanceof TokenError, `not a TokenError: ${err}`);
    return err.code;
  }
}

test('round trips: every format this package mints decodes and verifies', async () => {
  const generator = new TokenGenerator(KEY, SECRET);
  for (const tokenType of ['JWT', 'T1']) {
    for (const token of [generateToken(KEY, SECRET, SESSION, { ...OPTIONS, tokenType }), generator.generateToken(SESSION, { ...OPTIONS, tokenType })]) {
      const decoded = decodeToken(token);
      assert.equal(decoded.format, tokenType);
      assert.equal(decoded.claims.session_id, SESSION);
      assert.equal(decoded.claims.connection_data, OPTIONS.data);
      assert.equal(decoded.claims.initial_layout_class_list, 'focus main');
      const verified = verifyToken(token, SECRET, { sessionId: SESSION, role: 'moderator' });
      assert.deepEqual(verified, decoded);
      if (tokenType === 'T1') assert.equal(typeof decoded.claims.expire_time, 'string', 'T1 claims stay text');
      else assert.equal(typeof decoded.claims.expire_time, 'number');
    }
  }
  const client = await generateClientToken(APP, PKCS8, APP_SESSION, OPTIONS);
  assert.equal(decodeToken(client).algorithm, 'RS256');
  for (const key of [PUBLIC, PKCS8, await crypto.subtle.importKey('spki', Buffer.from(PUBLIC.split('\n').slice(1, -2).join(''), 'base64'), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify'])]) {
    const verified = await verifyToken(client, key, { sessionId: APP_SESSION, role: 'moderator' });
    assert.equal(verified.claims.application_id, APP);
  }
});

test('tokens of opentok, @vonage/video and the other official SDKs decode and verify', async () => {
  const opentok = new OpenTok(KEY, SECRET);
  for (const t1 of [false, true]) {
    const token = opentok.generateToken(SESSION, { ...OPTIONS, initialLayoutClassList: [...OPTIONS.initialLayoutClassList] }, t1);
    assert.equal(verifyToken(token, SECRET).claims.role, 'moderator');
  }
  const video = new Video(new Auth({ applicationId: APP, privateKey: PKCS8 }));
  const token = video.generateClientToken(APP_SESSION, { role: 'subscriber', data: 'd' });
  assert.equal((await verifyToken(token, PUBLIC)).claims.connection_data, 'd');
  for (const v of vectors.sdkTokens) {
    const decoded = v.secret === null ? decodeToken(v.token) : verifyToken(v.token, v.secret, { now: v.now });
    assert.equal(decoded.format, v.format, v.name);
    for (const [key, value] of Object.entries(v.claims)) assert.deepEqual(decoded.claims[key], value, `${v.name}: ${key}`);
    assert.equal(code(() => verifyToken(v.token, 'another secret', { now: v.now })), 'ERR_INVALID_SIGNATURE', v.name);
    if (v.format === 'T1') {
      // The partner_id is not signed: changed, the token no longer verifies.
      const plain = Buffer.from(v.token.slice(4), 'base64').toString().replace(/^partner_id=[^&]*/, 'partner_id=99');
      assert.equal(code(() => verifyToken(`T1==${Buffer.from(plain).toString('base64')}`, v.secret ?? SECRET, { now: v.now })), 'ERR_INVALID_SIGNATURE', v.name);
    }
  }
});

test('tampered, truncated, re-signed, unsigned and algorithm-confused tokens are refused', async () => {
  const token = generateToken(KEY, SECRET, SESSION, OPTIONS);
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url'));
  const reencode = (c) => Buffer.from(JSON.stringify(c)).toString('base64url');
  const hs256 = (input, secret) => `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  const cases = [
    ['tampered claims', `${header}.${reencode({ ...claims, role: 'moderator', session_id: '2_x' })}.${signature}`, 'ERR_INVALID_SIGNATURE'],
    ['flipped signature', `${header}.${payload}.${signature.at(0) === 'A' ? 'B' : 'A'}${signature.slice(1)}`, 'ERR_INVALID_SIGNATURE'],
    ['signature removed', `${header}.${payload}.`, 'ERR_INVALID_SIGNATURE'],
    // Cut inside the signature: its base64 is no longer canonical, or the bytes differ.
    ['truncated', token.slice(0, token.length - 20), ['ERR_INVALID_SIGNATURE', 'ERR_INVALID_TOKEN']],
    ['cut in the payload', token.slice(0, 60), 'ERR_INVALID_TOKEN'],
    ['re-signed with another secret', hs256(`${header}.${payload}`, 'another secret'), 'ERR_INVALID_SIGNATURE'],
    ['alg none', `${reencode({ alg: 'none', typ: 'JWT' })}.${payload}.`, 'ERR_INVALID_SIGNATURE'],
    ['alg HS512', hs256(`${reencode({ alg: 'HS512', typ: 'JWT' })}.${payload}`, SECRET), 'ERR_INVALID_SIGNATURE'],
    ['T1 with another signature', generateToken(KEY, 'another secret', SESSION, { tokenType: 'T1' }), 'ERR_INVALID_SIGNATURE'],
    ['T1 truncated', generateToken(KEY, SECRET, SESSION, { tokenType: 'T1' }).slice(0, 80), 'ERR_INVALID_TOKEN'],
  ];
  for (const [name, bad, want] of cases) {
    const got = code(() => verifyToken(bad, SECRET));
    assert.ok([want].flat().includes(got), `${name}: ${got}`);
  }

  // Algorithm confusion: an HS256 token signed with the RSA public key as its secret. The PEM is an
  // RSA key, never an HMAC secret, so the token is refused.
  const confused = hs256(`${header}.${reencode({ ...claims, application_id: APP })}`, PUBLIC);
  assert.equal(await code(() => verifyToken(confused, PUBLIC)), 'ERR_INVALID_SIGNATURE');
  // An RS256 token offered with the secret, and one re-signed with another RSA key.
  const client = await generateClientToken(APP, PKCS8, APP_SESSION);
  assert.equal(code(() => verifyToken(client, SECRET)), 'ERR_INVALID_SIGNATURE');
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const resigned = jwt.sign(JSON.parse(Buffer.from(client.split('.')[1], 'base64url')), other.privateKey, { algorithm: 'RS256' });
  assert.equal(await code(() => verifyToken(resigned, PUBLIC)), 'ERR_INVALID_SIGNATURE');
  assert.equal((await verifyToken(resigned, other.publicKey.export({ type: 'spki', format: 'pem' }))).claims.application_id, APP);
  assert.equal(await code(() => verifyToken(client, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')), 'ERR_INVALID_PUBLIC_KEY');
  assert.equal(code(() => verifyToken(token, 42)), 'ERR_INVALID_PUBLIC_KEY');
});

test('expiry and expectations, with a fixed clock and a tolerance', () => {
  const nowMs = 1_700_000_000_000;
  const token = pinned(nowMs, 0.5, () => generateToken(KEY, SECRET, SESSION, { expireTime: 1_700_000_060 }));
  const t1 = pinned(nowMs, 0.5, () => generateToken(KEY, SECRET, SESSION, { expireTime: 1_700_000_060, tokenType: 'T1' }));
  for (const t of [token, t1]) {
    assert.equal(code(() => verifyToken(t, SECRET, { now: 1_700_000_059_999 })), 'no error');
    assert.equal(code(() => verifyToken(t, SECRET, { now: 1_700_000_060_000 })), 'ERR_TOKEN_EXPIRED');
    assert.equal(code(() => verifyToken(t, SECRET, { now: new Date(1_700_000_069_000), clockTolerance: 10 })), 'no error');
    assert.equal(code(() => verifyToken(t, SECRET, { now: 1_700_000_070_000, clockTolerance: 10 })), 'ERR_TOKEN_EXPIRED');
    assert.equal(code(() => verifyToken(t, SECRET, { now: nowMs, sessionId: `${SESSION}x` })), 'ERR_INVALID_TOKEN');
    assert.equal(code(() => verifyToken(t, SECRET, { now: nowMs, role: 'moderator' })), 'ERR_INVALID_TOKEN');
    assert.equal(code(() => verifyToken(t, SECRET, { now: nowMs, role: 'admin' })), 'ERR_INVALID_ROLE');
    assert.equal(code(() => verifyToken(t, SECRET, { now: nowMs, clockTolerance: -1 })), 'ERR_INVALID_OPTIONS');
    assert.equal(code(() => verifyToken(t, SECRET, { now: 'soon' })), 'ERR_INVALID_CLOCK');
    assert.equal(code(() => verifyToken(t, SECRET, { leeway: 1 })), 'ERR_UNKNOWN_OPTION');
  }
  // Expired by the real clock.
  assert.equal(code(() => verifyToken(token, SECRET)), 'ERR_TOKEN_EXPIRED');
});

test('hostile input: huge, binary, deeply nested, __proto__ keys', () => {
  const before = wasmMemoryBytes('full');
  const b64 = (text) => Buffer.from(text).toString('base64url');
  const header = b64('{"alg":"HS256","typ":"JWT"}');
  const cases = [
    '', ' ', 'x'.repeat(50 * 1024 * 1024), `${'a.'.repeat(1000)}a`, '\u0000\u0001\uFFFF\uD800', `T1==${'A'.repeat(70000)}`,
    `${header}.${b64(`{"a":${'['.repeat(100000)}${']'.repeat(100000)}}`)}.x`,
    `${header}.${b64(`{"a":${'{"b":'.repeat(40)}1${'}'.repeat(40)}}`)}.x`,
    `${header}.${b64('{"a":1,"a":2}')}.x`, `${header}.${Buffer.from([0xff, 0xfe, 0x00]).toString('base64url')}.x`,
    `${header}.${b64('[]')}.x`, 'T1==cGFydG5lcl9pZD0x', `T1==${b64('partner_id=1&sig=00:a=%zz')}`,
  ];
  for (const token of cases) assert.equal(code(() => decodeToken(token)), 'ERR_INVALID_TOKEN', JSON.stringify(token.slice(0, 40)));
  const proto = `${header}.${b64('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"session_id":"s"}')}.`;
  const decoded = decodeToken(proto);
  assert.equal(decoded.claims.session_id, 's');
  assert.equal(Object.getPrototypeOf(decoded.claims), Object.prototype);
  assert.equal({}.polluted, undefined, 'Object.prototype was polluted');
  assert.ok(Object.hasOwn(decoded.claims, '__proto__'));
  assert.ok(wasmMemoryBytes('full') - before <= 1024 * 1024, `memory grew by ${wasmMemoryBytes('full') - before} B`);
  assert.equal(verifyToken(generateToken(KEY, SECRET, SESSION), SECRET).claims.iss, KEY, 'the next call works');
});

/** The one other spelling of a token that verifies: a T1 body in the URL-safe alphabet. */
function otherSpelling(token) {
  if (!token.startsWith('T1==')) return undefined;
  const body = token.slice(4);
  const urlSafe = body.replace(/\+/g, '-').replace(/\//g, '_');
  return urlSafe === body ? undefined : `T1==${urlSafe}`;
}

test('no changed token verifies, in any format: every one-character change, every cut, every extension', async () => {
  const symbols = [...'AQgwz09-_+/=.&~ '];
  const client = await generateClientToken(APP, PKCS8, APP_SESSION, OPTIONS);
  const formats = [
    ['HS256', generateToken(KEY, SECRET, SESSION, OPTIONS), SECRET, symbols],
    ['T1', generateToken(KEY, SECRET, SESSION, { ...OPTIONS, tokenType: 'T1' }), SECRET, symbols],
    // WebCrypto's RS256 takes a tenth of a millisecond: four symbols per position.
    ['RS256', client, PUBLIC, ['A', '_', '=', '.']],
  ];
  for (const [format, token, key, replacements] of formats) {
    const verifies = async (candidate) => (await code(() => verifyToken(candidate, key))) === 'no error';
    assert.ok(await verifies(token), format);
    const mayVerify = (changed) => changed.trim() === token || changed === otherSpelling(token);
    for (let at = 0; at < token.length; at++) {
      for (const symbol of replacements) {
        const changed = token.slice(0, at) + symbol + token.slice(at + 1);
        if (!mayVerify(changed)) assert.ok(!(await verifies(changed)), `${format}: changed at ${at} to ${symbol} and verified`);
      }
    }
    for (let length = 0; length < token.length; length += format === 'RS256' ? 7 : 1) {
      assert.ok(!(await verifies(token.slice(0, length))), `${format}: cut to ${length} and verified`);
    }
    for (const symbol of symbols.filter((c) => c !== ' ')) assert.ok(!(await verifies(token + symbol)), `${format}: extended with ${symbol}`);
  }
  // The signature's bytes themselves: cut to 31 bytes, extended, one bit flipped, each re-encoded canonically.
  for (const token of [formats[0][1], client]) {
    const [input, signature] = [token.slice(0, token.lastIndexOf('.')), Buffer.from(token.slice(token.lastIndexOf('.') + 1), 'base64url')];
    const key = token === client ? PUBLIC : SECRET;
    const flipped = (at) => Buffer.from(signature.map((b, i) => (i === at ? b ^ 1 : b)));
    for (const variant of [signature.subarray(0, signature.length - 1), Buffer.concat([signature, Buffer.from([0])]), flipped(0), flipped(signature.length - 1)]) {
      assert.notEqual(await code(() => verifyToken(`${input}.${variant.toString('base64url')}`, key)), 'no error');
    }
  }
});

test('property: any string decodes or throws ERR_INVALID_TOKEN; no changed token verifies', () => {
  const valid = [generateToken(KEY, SECRET, SESSION, OPTIONS), generateToken(KEY, SECRET, SESSION, { ...OPTIONS, tokenType: 'T1' })];
  const mutated = fc.tuple(fc.constantFrom(...valid), fc.nat(), fc.string({ minLength: 1, maxLength: 3 }))
    .map(([token, at, insert]) => token.slice(0, at % token.length) + insert + token.slice((at % token.length) + 1));
  const anyToken = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/),
    fc.json().map((j) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(j).toString('base64url')}.`), mutated);
  fc.assert(fc.property(anyToken, (token) => {
    const outcome = code(() => decodeToken(token));
    assert.ok(['no error', 'ERR_INVALID_TOKEN'].includes(outcome), outcome);
    const verified = code(() => verifyToken(token, SECRET));
    assert.ok(['no error', 'ERR_INVALID_TOKEN', 'ERR_INVALID_SIGNATURE', 'ERR_TOKEN_EXPIRED'].includes(verified), `${verified} for ${token}`);
    // Encodings are canonical: no changed token verifies, whatever its claims. The one other
    // spelling is a T1 body wholly in the URL-safe alphabet (as Java writes it).
    if (verified === 'no error') {
      assert.ok(valid.some((v) => token.trim() === v || token === otherSpelling(v)), `a changed token verified: ${token}`);
    }
  }), { numRuns: 20_000 * Number(process.env.PROPERTY_RUNS ?? 1) });
});
