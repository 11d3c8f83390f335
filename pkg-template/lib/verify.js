// Reading tokens back: the `vonage-video-token/verify` entry. The module decodes every format and
// verifies HS256 and T1 signatures with the API secret (constant-time, synchronous); RS256
// signatures are verified by WebCrypto with the application's public key, so those calls return
// a Promise. Claims are parsed with JSON.parse, which makes `__proto__` an ordinary key.
import { fullModule } from './boundary.js';
import { fail, kind, reasonError } from './errors.js';
import { fit, readOwnOptions } from './inputs.js';
import { now } from './nonce.js';
import { LIMITS, REASON, ROLES } from './tables.js';

export { TokenError } from './errors.js';

const RSA = Object.freeze({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' });
const FORMATS = ['JWT', 'T1'];
const ALGORITHMS = ['HS256', 'RS256', 'HMAC-SHA1', 'other'];

function tokenText(token) {
  if (typeof token !== 'string') throw fail('ERR_INVALID_TOKEN', `token must be a string, got ${kind(token)}`);
  return fit(token, LIMITS.token);
}

/**
 * The module's answer for a token as { format, algorithm, header, claims }, read straight from
 * module memory; with `signed`, also copies of what the signature covers and the signature.
 */
function read(m, length, signed = false) {
  m.check(length);
  const [meta, header, claims, signingInput, signature] = m.answerSpans(5);
  const decoded = { format: FORMATS[m.bytes[meta[0]]], algorithm: ALGORITHMS[m.bytes[meta[0] + 1]] };
  if (decoded.format === 'JWT') decoded.header = JSON.parse(m.utf8(header));
  decoded.claims = JSON.parse(m.utf8(claims));
  if (!signed) return { decoded };
  return { decoded, signingInput: m.bytes.slice(...signingInput), signature: m.bytes.slice(...signature) };
}

/**
 * Reads a token without verifying it: `{ format: 'JWT' | 'T1', algorithm, header?, claims }`.
 * A JWT's claims keep their JSON types; a T1 token's claims are its query-string fields as text.
 */
export function decodeToken(token) {
  const text = tokenText(token);
  const m = fullModule();
  return m.call({ text }, (wasm, _, textLength) => wasm.decode(textLength), (length) => read(m, length).decoded);
}

const VERIFY_OPTIONS = ['now', 'clockTolerance', 'sessionId', 'role'];

function readVerifyOptions(options) {
  const given = readOwnOptions(options, VERIFY_OPTIONS);
  const { now: clock, clockTolerance = 0, sessionId = '', role } = given;
  let nowMs;
  if (clock === undefined) {
    nowMs = now();
  } else if (typeof clock === 'number') {
    nowMs = clock;
  } else {
    try {
      nowMs = Date.prototype.getTime.call(clock);
    } catch {
      throw fail('ERR_INVALID_CLOCK', `options.now must be a time in ms or a Date, got ${kind(clock)}`);
    }
  }
  if (typeof clockTolerance !== 'number' || !Number.isInteger(clockTolerance) || clockTolerance < 0 || clockTolerance > 86400) {
    throw fail('ERR_INVALID_OPTIONS', `options.clockTolerance must be a whole number of seconds from 0 to 86400, got ${kind(clockTolerance)}`);
  }
  // '' would mean "no check" to the module: an expected session is a non-empty string.
  if (typeof sessionId !== 'string' || given.sessionId === '') {
    throw fail('ERR_INVALID_OPTIONS', `options.sessionId must be a non-empty string, got ${kind(sessionId)}`);
  }
  let roleIndex = -1;
  if (role !== undefined) {
    roleIndex = typeof role === 'string' ? ROLES.indexOf(role) : -1;
    if (roleIndex < 0) throw reasonError(REASON.Role, `, got ${kind(role)}`);
  }
  return { nowMs, clockTolerance, sessionId: fit(sessionId, LIMITS.sessionId), roleIndex };
}

function isPem(key) {
  return key.trimStart().startsWith('-----BEGIN');
}

function isCryptoKey(key) {
  return typeof CryptoKey === 'function' && key instanceof CryptoKey;
}

/**
 * A CryptoKey verifies only if it is what RS256 needs: a public RSASSA-PKCS1-v1_5 key for SHA-256
 * that may verify. Anything else (a private key, another hash, no `verify` usage) is refused here
 * rather than left to WebCrypto, which would reject with a DOMException or, for another hash,
 * verify a token signed with it.
 */
function checkCryptoKey(key) {
  const { type, algorithm, usages } = key;
  if (type !== 'public' || algorithm?.name !== RSA.name || algorithm.hash?.name !== RSA.hash || !usages?.includes('verify')) {
    throw reasonError(REASON.PublicCryptoKey);
  }
  return key;
}

/** The RSA public key of a PEM (public, or the public half of a private key), imported into WebCrypto. */
async function importPublicKey(m, pem) {
  const der = m.keyDer(fit(pem, LIMITS.privateKey), undefined, (wasm, secretLength) => wasm.public_key(secretLength));
  try {
    return await globalThis.crypto.subtle.importKey('spki', der, RSA, false, ['verify']);
  } catch (cause) {
    throw reasonError(REASON.PublicKey, '', cause);
  }
}

async function verifyRs256(token, key, expect) {
  const m = fullModule();
  const { decoded, signingInput, signature } = m.call({ text: token }, (wasm, _, textLength) => wasm.decode(textLength), (length) => read(m, length, true));
  if (decoded.algorithm !== 'RS256') throw reasonError(REASON.Algorithm);
  const publicKey = typeof key === 'string' ? await importPublicKey(m, key) : checkCryptoKey(key);
  let valid;
  try {
    valid = await globalThis.crypto.subtle.verify(RSA.name, publicKey, signature, signingInput);
  } catch (cause) {
    // A key WebCrypto will not verify with (a private CryptoKey, one without the verify usage).
    throw reasonError(REASON.PublicCryptoKey, '', cause);
  }
  if (!valid) throw reasonError(REASON.Signature);
  return m.call({ text: token + expect.sessionId },
    (wasm, _, textLength) => wasm.check_claims(textLength, token.length, expect.roleIndex, expect.clockTolerance, expect.nowMs),
    (length) => read(m, length).decoded);
}

/**
 * Verifies a token and returns what decodeToken returns. `key` is the API secret for HS256 and T1
 * tokens (verified synchronously: the result is returned), or an RSA public key for RS256 tokens
 * (a PEM string, public or private, or a WebCrypto CryptoKey: verified asynchronously, a Promise
 * is returned). A key of the wrong kind for the token's algorithm is ERR_INVALID_SIGNATURE.
 */
export function verifyToken(token, key, options) {
  const text = tokenText(token);
  const expect = readVerifyOptions(options);
  if (isCryptoKey(key) || (typeof key === 'string' && isPem(key))) {
    if (globalThis.crypto?.subtle === undefined) throw reasonError(REASON.NoWebCrypto);
    return verifyRs256(text, key, expect);
  }
  if (typeof key !== 'string') {
    throw fail('ERR_INVALID_PUBLIC_KEY', `key must be the API secret (a string), a PEM RSA key or an RSA CryptoKey, got ${kind(key)}`);
  }
  const m = fullModule();
  return m.call({ secret: fit(key, LIMITS.apiSecret), text: text + expect.sessionId, wipe: true },
    (wasm, secretLength, textLength) => wasm.verify_secret(secretLength, textLength, text.length, expect.roleIndex, expect.clockTolerance, expect.nowMs),
    (length) => read(m, length).decoded);
}
