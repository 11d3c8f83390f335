// The contenders, each minting the same claim set as opentok's JWT (or T1) for one session.
// Hand-written versions are what teams write today; all read the clock and draw a nonce per token.
import { createHmac, createSecretKey, getRandomValues } from 'node:crypto';
import { createRequire } from 'node:module';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import * as jose from 'jose';

const require = createRequire(import.meta.url);
const OpenTok = require('opentok');
const jsonwebtoken = require('jsonwebtoken');

export const KEY = '123456';
export const SECRET = '1234567890abcdef1234567890abcdef1234567890';
export const SESSION = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';

const words = new Uint32Array(2);
/** A 53-bit random float in [0, 1) from the CSPRNG, as a careful hand-written version would draw it. */
function nonce() {
  getRandomValues(words);
  return ((words[0] >>> 5) * 67108864 + (words[1] >>> 6)) / 9007199254740992;
}

/** opentok-node's claim object, in its key order. */
export function claims() {
  const ms = Date.now();
  const iat = Math.floor(ms / 1000);
  const now = Math.round(ms / 1000);
  return {
    iss: KEY, ist: 'project', iat, exp: now + 86400, session_id: SESSION, create_time: now, nonce: nonce(),
    role: 'publisher', expire_time: now + 86400, initial_layout_class_list: '', scope: 'session.connect',
  };
}

const HEADER = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
const encoder = new TextEncoder();
const secretBytes = encoder.encode(SECRET);
const keyObject = createSecretKey(Buffer.from(SECRET));
const joseKey = secretBytes;

export function handWrittenNodeCrypto() {
  const input = `${HEADER}.${Buffer.from(JSON.stringify(claims())).toString('base64url')}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

export function handWrittenNoble() {
  const input = `${HEADER}.${Buffer.from(JSON.stringify(claims())).toString('base64url')}`;
  return `${input}.${Buffer.from(hmac(sha256, secretBytes, encoder.encode(input))).toString('base64url')}`;
}

export function handWrittenT1() {
  const c = claims();
  const data = `session_id=${SESSION}&create_time=${c.create_time}&nonce=${c.nonce}&role=publisher&expire_time=${c.expire_time}&initial_layout_class_list=&scope=session.connect`;
  const sig = createHmac('sha1', SECRET).update(data).digest('hex');
  return `T1==${Buffer.from(`partner_id=${KEY}&sig=${sig}:${data}`).toString('base64')}`;
}

export const jsonwebtokenString = () => jsonwebtoken.sign(claims(), SECRET, { algorithm: 'HS256' });
export const jsonwebtokenKeyObject = () => jsonwebtoken.sign(claims(), keyObject, { algorithm: 'HS256' });
export const joseSign = () => new jose.SignJWT(claims()).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(joseKey);

const opentok = new OpenTok(KEY, SECRET);
export const opentokJwt = () => opentok.generateToken(SESSION);
export const opentokT1 = () => opentok.generateToken(SESSION, {}, true);
