// Every contender of the Node benchmark, each minting the claim set of opentok's JWT (or T1) for
// one session with the same options, reading the clock and drawing a nonce per token. The
// hand-written ones are what a team writes today with node:crypto; their nonce comes either from
// Math.random() (what opentok does: the fastest a user could write) or from the CSPRNG per call.
import { createHmac, createPrivateKey, createSecretKey, getRandomValues, sign, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import * as jose from 'jose';
import { APP, APP_SESSION, KEY, OPTIONS, SECRET, SESSION, applicationClaims, claims } from './claims.mjs';

const require = createRequire(import.meta.url);

const words = new Uint32Array(2);
/** A 53-bit random float in [0, 1) from the CSPRNG, drawn per token. */
function cryptoNonce() {
  getRandomValues(words);
  return ((words[0] >>> 11) * 4294967296 + words[1]) / 9007199254740992;
}

const HEADER = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
const RS_HEADER = Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url');

export const PRIVATE_KEY = readFileSync(new URL('../tests/vectors/rsa-2048.pem', import.meta.url), 'utf8');

/** The RS256 client token a team writes with WebCrypto today, the CryptoKey imported once. */
async function webCryptoRs256(key) {
  const input = `${RS_HEADER}.${Buffer.from(JSON.stringify(applicationClaims(OPTIONS))).toString('base64url')}`;
  const signature = await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new TextEncoder().encode(input));
  return `${input}.${Buffer.from(signature).toString('base64url')}`;
}

function importRsaKey() {
  const der = createPrivateKey(PRIVATE_KEY).export({ type: 'pkcs8', format: 'der' });
  return webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
}
const keyObject = createSecretKey(Buffer.from(SECRET));

function handWrittenJwt(options, nonce, key) {
  const input = `${HEADER}.${Buffer.from(JSON.stringify(claims(options, nonce))).toString('base64url')}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

function handWrittenT1(options, nonce) {
  const c = claims(options, nonce);
  let data = `session_id=${SESSION}&create_time=${c.create_time}&nonce=${c.nonce}&role=${c.role}&expire_time=${c.expire_time}`;
  if (options) data += `&connection_data=${encodeURIComponent(options.data)}`;
  data += `&initial_layout_class_list=${encodeURIComponent(c.initial_layout_class_list)}&scope=session.connect`;
  const sig = createHmac('sha1', SECRET).update(data).digest('hex');
  return `T1==${Buffer.from(`partner_id=${KEY}&sig=${sig}:${data}`).toString('base64')}`;
}

/**
 * name → { group, make() → the function to time }. `make` runs once per process, outside the
 * timing, so a contender can hold a key or a client the way an app would.
 */
export const CONTENDERS = {
  'vvt generateToken JWT, options': { group: 'jwt', make: async () => { const { generateToken } = await pkg(); return () => generateToken(KEY, SECRET, SESSION, OPTIONS); } },
  'vvt generateToken JWT': { group: 'jwt', make: async () => { const { generateToken } = await pkg(); return () => generateToken(KEY, SECRET, SESSION); } },
  'vvt TokenGenerator JWT, options': { group: 'jwt', make: async () => { const { TokenGenerator } = await pkg(); const g = new TokenGenerator(KEY, SECRET); return () => g.generateToken(SESSION, OPTIONS); } },
  'vvt TokenGenerator JWT': { group: 'jwt', make: async () => { const { TokenGenerator } = await pkg(); const g = new TokenGenerator(KEY, SECRET); return () => g.generateToken(SESSION); } },
  'hand-written HS256, Math.random, options': { group: 'jwt', make: () => () => handWrittenJwt(OPTIONS, Math.random, SECRET) },
  'hand-written HS256, Math.random': { group: 'jwt', make: () => () => handWrittenJwt(undefined, Math.random, SECRET) },
  'hand-written HS256, CSPRNG, options': { group: 'jwt', make: () => () => handWrittenJwt(OPTIONS, cryptoNonce, SECRET) },
  'hand-written HS256, CSPRNG': { group: 'jwt', make: () => () => handWrittenJwt(undefined, cryptoNonce, SECRET) },
  'hand-written HS256, cached KeyObject, Math.random, options': { group: 'jwt', make: () => () => handWrittenJwt(OPTIONS, Math.random, keyObject) },
  'vvt generateToken T1, options': { group: 't1', make: async () => { const { generateToken } = await pkg(); const o = { ...OPTIONS, tokenType: 'T1' }; return () => generateToken(KEY, SECRET, SESSION, o); } },
  'vvt TokenGenerator T1, options': { group: 't1', make: async () => { const { TokenGenerator } = await pkg(); const g = new TokenGenerator(KEY, SECRET); const o = { ...OPTIONS, tokenType: 'T1' }; return () => g.generateToken(SESSION, o); } },
  'hand-written T1, Math.random, options': { group: 't1', make: () => () => handWrittenT1(OPTIONS, Math.random) },
  'hand-written T1, CSPRNG, options': { group: 't1', make: () => () => handWrittenT1(OPTIONS, cryptoNonce) },
  'opentok@2.23.2 JWT, options': { group: 'peer', make: () => { const OpenTok = require('opentok'); const o = new OpenTok(KEY, SECRET); return () => o.generateToken(SESSION, { ...OPTIONS }); } },
  'opentok@2.23.2 T1, options': { group: 'peer', make: () => { const OpenTok = require('opentok'); const o = new OpenTok(KEY, SECRET); return () => o.generateToken(SESSION, { ...OPTIONS }, true); } },
  'jsonwebtoken sign (KeyObject), options': { group: 'peer', make: () => { const jwt = require('jsonwebtoken'); return () => jwt.sign(claims(OPTIONS, cryptoNonce), keyObject, { algorithm: 'HS256' }); } },
  'jose SignJWT (async), options': { group: 'peer', async: true, make: () => { const key = new TextEncoder().encode(SECRET); return () => new jose.SignJWT(claims(OPTIONS, cryptoNonce)).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key); } },
  'vvt ClientTokenGenerator RS256, options': { group: 'rs256', async: true, make: async () => { const { ClientTokenGenerator } = await vonage(); const g = new ClientTokenGenerator(APP, PRIVATE_KEY); return () => g.generateToken(APP_SESSION, OPTIONS); } },
  'vvt generateClientToken RS256, options': { group: 'rs256', async: true, make: async () => { const { generateClientToken } = await vonage(); return () => generateClientToken(APP, PRIVATE_KEY, APP_SESSION, OPTIONS); } },
  'hand-written WebCrypto RS256, cached CryptoKey, options': { group: 'rs256', async: true, make: async () => { const key = await importRsaKey(); return () => webCryptoRs256(key); } },
  'hand-written node:crypto RS256, cached KeyObject, options': { group: 'rs256', make: () => { const key = createPrivateKey(PRIVATE_KEY); return () => { const input = `${RS_HEADER}.${Buffer.from(JSON.stringify(applicationClaims(OPTIONS))).toString('base64url')}`; return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`; }; } },
  '@vonage/video generateClientToken, options': { group: 'rs256', make: () => { const { Video } = require('@vonage/video'); const video = new Video({ applicationId: APP, privateKey: PRIVATE_KEY }); return () => video.generateClientToken(APP_SESSION, { ...OPTIONS }); } },
  'vvt verifyToken HS256': { group: 'read', make: async () => { const { verifyToken } = await verify(); const { generateToken } = await pkg(); const token = generateToken(KEY, SECRET, SESSION, OPTIONS); return () => verifyToken(token, SECRET).format; } },
  'jsonwebtoken verify HS256 (KeyObject)': { group: 'read', make: async () => { const jwt = require('jsonwebtoken'); const { generateToken } = await pkg(); const token = generateToken(KEY, SECRET, SESSION, OPTIONS); return () => jwt.verify(token, keyObject, { algorithms: ['HS256'] }).scope; } },
  'vvt decodeToken': { group: 'read', make: async () => { const { decodeToken } = await verify(); const { generateToken } = await pkg(); const token = generateToken(KEY, SECRET, SESSION, OPTIONS); return () => decodeToken(token).format; } },
  'hand-written @noble/hashes HS256, options': { group: 'peer', make: () => { const key = new TextEncoder().encode(SECRET); const enc = new TextEncoder(); return () => { const input = `${HEADER}.${Buffer.from(JSON.stringify(claims(OPTIONS, cryptoNonce))).toString('base64url')}`; return `${input}.${Buffer.from(hmac(sha256, key, enc.encode(input))).toString('base64url')}`; }; } },
};

async function pkg() {
  return import(new URL('../pkg/index.mjs', import.meta.url));
}

async function vonage() {
  return import(new URL('../pkg/vonage.mjs', import.meta.url));
}

async function verify() {
  return import(new URL('../pkg/verify.mjs', import.meta.url));
}
