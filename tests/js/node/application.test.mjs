// Application credentials (vonage-video-token/vonage): RS256 client tokens and application JWTs
// verify with jsonwebtoken and jose and carry exactly the claims @vonage/video and @vonage/jwt
// write under the same clock (apart from jti), with PKCS#8 and PKCS#1 keys; the project REST token
// carries opentok's claims; bad input gets its code and never echoes the key; no key material
// stays in the module's memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as jose from 'jose';
import { packageEntry, stackTop } from './package-path.mjs';
import { pinned } from './inputs.mjs';
import { APP, APP_SESSION, KEY, SECRET, SESSION } from '../suite.mjs';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const { Video } = require('@vonage/video');
const { Auth } = require('@vonage/auth');
const { tokenGenerate } = require('@vonage/jwt');
const generateOpentokJwt = require('opentok/lib/generateJwt');
const vonage = await import(packageEntry('./vonage', 'import'));
const { TokenError } = await import(packageEntry('.', 'import'));
const { wasmMemoryCopy } = await import(packageEntry('./testing', 'import'));
const { generateClientToken, ClientTokenGenerator, generateApplicationJwt, generateRestToken } = vonage;

const vector = (name) => readFileSync(new URL(`../../vectors/${name}`, import.meta.url), 'utf8');
const PKCS8 = vector('rsa-2048.pem');
const PKCS1 = vector('rsa-2048-pkcs1.pem');
const PUBLIC = vector('rsa-2048-public.pem');

const part = (token, index) => Buffer.from(token.split('.')[index], 'base64url').toString();
const withoutJti = (json) => json.replace(/"jti":"[^"]*"/, '"jti":"…"');

test('client tokens verify with jsonwebtoken and jose, PKCS#8 and PKCS#1 keys alike', async () => {
  const jwk = await jose.importSPKI(PUBLIC, 'RS256');
  for (const key of [PKCS8, PKCS1, PKCS8.trim().replace(/\n/g, '\\n')]) {
    const token = await generateClientToken(APP, key, APP_SESSION, { role: 'moderator', data: 'name=Jo é', initialLayoutClassList: ['focus', 'main'] });
    const claims = jwt.verify(token, PUBLIC, { algorithms: ['RS256'] });
    assert.equal(claims.application_id, APP);
    assert.equal(claims.session_id, APP_SESSION);
    assert.equal(claims.connection_data, 'name=Jo é');
    assert.match(claims.jti, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const { payload, protectedHeader } = await jose.jwtVerify(token, jwk);
    assert.deepEqual(protectedHeader, { alg: 'RS256', typ: 'JWT' });
    assert.equal(payload.role, 'moderator');
  }
  // Keys of other sizes, fresh.
  for (const modulusLength of [3072, 4096]) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength });
    const pem = privateKey.export({ type: modulusLength === 3072 ? 'pkcs1' : 'pkcs8', format: 'pem' });
    const token = await new ClientTokenGenerator(APP, pem).generateToken(APP_SESSION);
    assert.equal(jwt.verify(token, publicKey, { algorithms: ['RS256'] }).sub, 'video');
  }
});

test('client tokens carry exactly the claims @vonage/video 1.31 writes, in its order (apart from jti)', async () => {
  const video = new Video(new Auth({ applicationId: APP, privateKey: PKCS8 }));
  const nowSeconds = 1_790_000_000;
  const cases = [
    {},
    { role: 'subscriber' },
    { role: 'moderator', data: '{"name":"Jo é ~/"}\n', initialLayoutClassList: ['focus', 'main'], expireTime: nowSeconds + 3600 },
    { role: 'publisheronly', expireTime: nowSeconds + 30 * 86400, initialLayoutClassList: ['a'] },
  ];
  for (const nowMs of [nowSeconds * 1000, nowSeconds * 1000 + 499, nowSeconds * 1000 + 500, nowSeconds * 1000 + 999]) {
    for (const options of cases) {
      const theirs = pinned(nowMs, 0.5, () => video.generateClientToken(APP_SESSION, structuredClone(options)));
      const ours = await pinned(nowMs, 0.5, () => generateClientToken(APP, PKCS8, APP_SESSION, options));
      assert.equal(part(ours, 0), part(theirs, 0));
      assert.equal(withoutJti(part(ours, 1)), withoutJti(part(theirs, 1)), JSON.stringify({ nowMs, options }));
    }
  }
});

test('application JWTs carry the claims @vonage/jwt writes; project REST tokens opentok\'s', async () => {
  const nowMs = 1_790_000_000_250;
  const theirs = pinned(nowMs, 0.5, () => tokenGenerate(APP, PKCS8, {}));
  const ours = await pinned(nowMs, 0.5, () => generateApplicationJwt(APP, PKCS8));
  assert.equal(withoutJti(part(ours, 1)), withoutJti(part(theirs, 1)));
  const acl = { paths: { '/*/session/**': {}, '/*/archive/**': {} } };
  const theirsWithAcl = pinned(nowMs, 0.5, () => tokenGenerate(APP, PKCS8, { acl, sub: 'video', ttl: 60 }));
  const oursWithAcl = await pinned(nowMs, 0.5, () => new ClientTokenGenerator(APP, PKCS1).generateApplicationJwt({ acl, sub: 'video', expiresIn: 60 }));
  assert.equal(withoutJti(part(oursWithAcl, 1)), withoutJti(part(theirsWithAcl, 1)));
  assert.equal(jwt.verify(oursWithAcl, PUBLIC, { algorithms: ['RS256'], clockTimestamp: nowMs / 1000 }).sub, 'video');

  const opentok = JSON.parse(part(pinned(nowMs, 0.5, () => generateOpentokJwt({ apiKey: KEY, apiSecret: SECRET, auth: { expire: 300 } })), 1));
  const rest = pinned(nowMs, 0.5, () => generateRestToken(KEY, SECRET));
  const claims = jwt.verify(rest, SECRET, { algorithms: ['HS256'], clockTimestamp: nowMs / 1000 });
  const { jti, ...rest300 } = claims;
  assert.deepEqual(rest300, opentok);
  assert.match(jti, /^[0-9a-f-]{36}$/);
  assert.equal(JSON.parse(part(generateRestToken(Number(KEY), SECRET, { expiresIn: 60 }), 1)).exp - JSON.parse(part(rest, 1)).iat >= 60, true);
});

const EC = vector('ec-p256.pem');
const SMALL = vector('rsa-1024.pem');

test('bad input gets its code, and never echoes the key', async () => {
  const otherApp = `1_${Buffer.from('1~00000000-0000-0000-0000-000000000000~~1~x~~~').toString('base64url')}`;
  const cases = [
    ['application id not a UUID', ['abcd-1234', PKCS8, APP_SESSION], 'ERR_INVALID_APPLICATION_ID'],
    ['application id a number', [42, PKCS8, APP_SESSION], 'ERR_INVALID_APPLICATION_ID'],
    ['application id 10 MB', ['a'.repeat(1e7), PKCS8, APP_SESSION], 'ERR_INVALID_APPLICATION_ID'],
    ['EC key', [APP, EC, APP_SESSION], 'ERR_INVALID_PRIVATE_KEY'],
    ['1024-bit key', [APP, SMALL, APP_SESSION], 'ERR_INVALID_PRIVATE_KEY'],
    ['public key', [APP, PUBLIC, APP_SESSION], 'ERR_INVALID_PRIVATE_KEY'],
    ['garbage PEM', [APP, '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----', APP_SESSION], 'ERR_INVALID_PRIVATE_KEY'],
    ['truncated key', [APP, PKCS8.slice(0, 900), APP_SESSION], 'ERR_INVALID_PRIVATE_KEY'],
    ['key with a flipped length', [APP, PKCS8.replace('MIIEv', 'MIIEw'), APP_SESSION], 'ERR_INVALID_PRIVATE_KEY'],
    ['key as bytes', [APP, Buffer.from(PKCS8), APP_SESSION], 'ERR_INVALID_PRIVATE_KEY'],
    ['key 10 MB', [APP, `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(1e7)}\n-----END PRIVATE KEY-----`, APP_SESSION], 'ERR_INVALID_PRIVATE_KEY'],
    ['session of another application', [APP, PKCS8, otherApp], 'ERR_SESSION_KEY_MISMATCH'],
    ['session of a project', [APP, PKCS8, SESSION], 'ERR_SESSION_KEY_MISMATCH'],
    ['session garbage', [APP, PKCS8, 'nope'], 'ERR_INVALID_SESSION_ID'],
    ['expireTime in the past', [APP, PKCS8, APP_SESSION, { expireTime: Math.floor(Date.now() / 1000) - 60 }], 'ERR_INVALID_EXPIRE_TIME'],
    ['expireTime in milliseconds', [APP, PKCS8, APP_SESSION, { expireTime: Date.now() + 60_000 }], 'ERR_INVALID_EXPIRE_TIME'],
    ['T1 asked for', [APP, PKCS8, APP_SESSION, { tokenType: 'T1' }], 'ERR_INVALID_TOKEN_TYPE'],
    ['unknown option', [APP, PKCS8, APP_SESSION, { ttl: 60 }], 'ERR_UNKNOWN_OPTION'],
  ];
  const body = PKCS8.split('\n')[5];
  for (const [name, args, code] of cases) {
    await assert.rejects(generateClientToken(...args), (err) => {
      assert.ok(err instanceof TokenError, `${name}: ${err}`);
      assert.equal(err.code, code, `${name}: ${err.message}`);
      assert.ok(!err.message.includes(body) && !String(err.stack).includes(body), `${name}: the key leaked`);
      return true;
    }, name);
    if (args.length === 3 && code !== 'ERR_SESSION_KEY_MISMATCH' && code !== 'ERR_INVALID_SESSION_ID') {
      assert.throws(() => new ClientTokenGenerator(args[0], args[1]), { code }, `${name} (generator)`);
    }
  }
  const generator = new ClientTokenGenerator(APP, PKCS8);
  const { generateToken } = generator;
  await assert.rejects(generateToken(APP_SESSION), { code: 'ERR_GENERATOR_FREED' });
  await assert.rejects(generateApplicationJwt(APP, PKCS8, { expiresIn: 0 }), { code: 'ERR_INVALID_EXPIRE_TIME' });
  await assert.rejects(generateApplicationJwt(APP, PKCS8, { expiresIn: 1.5 }), { code: 'ERR_INVALID_EXPIRE_TIME' });
  await assert.rejects(generateApplicationJwt(APP, PKCS8, { acl: [] }), { code: 'ERR_INVALID_OPTIONS' });
  await assert.rejects(generateApplicationJwt(APP, PKCS8, { acl: { a: 1n } }), { code: 'ERR_INVALID_OPTIONS' });
  await assert.rejects(generateApplicationJwt(APP, PKCS8, { sub: 'x'.repeat(257) }), { code: 'ERR_INVALID_OPTIONS' });
  assert.throws(() => generateRestToken(KEY, SECRET, { expiresIn: 3e6 }), { code: 'ERR_INVALID_EXPIRE_TIME' });
  assert.throws(() => generateRestToken('12a', SECRET), { code: 'ERR_INVALID_API_KEY' });
  // The next call works.
  assert.ok(jwt.verify(await generator.generateToken(APP_SESSION), PUBLIC, { algorithms: ['RS256'] }));
});

test('no key material stays in the module memory after a key is imported or a token minted', async () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const d = Buffer.from(privateKey.export({ format: 'jwk' }).d, 'base64url');
  const generator = new ClientTokenGenerator(APP, pem);
  await generator.generateToken(APP_SESSION);
  await generateClientToken(APP, pem, APP_SESSION);
  await generateClientToken(APP, privateKey.export({ type: 'pkcs1', format: 'pem' }), APP_SESSION);
  // The last call handles the key, so the stack it used is wiped too.
  new ClientTokenGenerator(APP, pem); // eslint-disable-line no-new
  const memory = Buffer.from(wasmMemoryCopy('full'));
  // (The DER's first few hundred bytes hold the modulus, which is public: the tail holds the primes.)
  const needles = [['the PEM', Buffer.from(pem.split('\n')[12])], ['the DER', der.subarray(der.length - 200, der.length - 40)], ['the private exponent', d.subarray(0, 64)]];
  for (const [name, needle] of needles) {
    assert.equal(memory.indexOf(needle), -1, `${name} is left in memory`);
  }
  assert.equal(memory.subarray(0, stackTop('vonage_video_token_full_bg.wasm')).findLastIndex((b) => b !== 0), -1, 'the stack is not all zero after a call that handled the key');
});
