// Application credentials (an application id and an RSA private key) and REST API tokens: the
// `vonage-video-token/vonage` entry. The module checks the key and builds the claims and the
// signing input; WebCrypto (RSASSA-PKCS1-v1_5 with SHA-256, the key imported once and not
// extractable) signs, so these calls return Promises — except the project's REST token, HS256 in
// the module, which is synchronous.
import { expireDetail, fullModule } from './boundary.js';
import { fail, kind, reasonError } from './errors.js';
import { apiKeyText, checkApiSecret, checkApplicationId, checkPrivateKey, checkSessionId, fit, readOptions, readOwnOptions } from './inputs.js';
import { now, randomWords } from './nonce.js';
import { shared } from './shared.js';
import { LIMITS, REASON } from './tables.js';

export { TokenError } from './errors.js';

const RSA = Object.freeze({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' });
const encoder = new TextEncoder();

function subtle() {
  const subtleCrypto = globalThis.crypto?.subtle;
  if (subtleCrypto === undefined || subtleCrypto === null) throw reasonError(REASON.NoWebCrypto);
  return subtleCrypto;
}

function base64url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Checks the application id, then the key (in the module), and imports the key into WebCrypto.
 * Throws at once for bad credentials; the import itself is asynchronous. The key's DER copy in
 * JavaScript is zeroed once imported, and the module's copies right away.
 */
function importApplicationKey(applicationId, privateKey) {
  const m = fullModule();
  const id = fit(applicationId, LIMITS.applicationId);
  const der = m.keyDer(fit(privateKey, LIMITS.privateKey), id, (wasm, secretLength, textLength) => wasm.application_key(secretLength, textLength, id.length));
  let imported;
  try {
    imported = subtle().importKey('pkcs8', der, RSA, false, ['sign']);
  } catch (error) {
    // No WebCrypto (or it threw at once): the copy is zeroed all the same.
    der.fill(0);
    throw error;
  }
  return imported.finally(() => der.fill(0));
}

async function sign(key, signingInput) {
  const signature = new Uint8Array(await subtle().sign(RSA.name, key, encoder.encode(signingInput)));
  return `${signingInput}.${base64url(signature)}`;
}

function clientSigningInput(applicationId, sessionId, fields, nowMs, jti) {
  const m = fullModule();
  const id = fit(applicationId, LIMITS.applicationId);
  const session = fit(sessionId, LIMITS.sessionId);
  return m.call({ text: id + session + fields.data + fields.layout },
    (wasm, _, textLength) => wasm.client_token(textLength, id.length, session.length, fields.data.length, fields.layout.length,
      fields.role, fields.hasExpire, fields.expire, fields.tokenType, nowMs, ...jti),
    (length) => m.ascii(m.check(length, expireDetail(fields))));
}

const JWT_OPTIONS = ['expiresIn', 'acl', 'sub'];

/** An application JWT's options as the module takes them: { expiresIn, acl (JSON text), sub }. */
function readJwtOptions(options, defaultSeconds) {
  const { expiresIn, acl, sub } = readOwnOptions(options, JWT_OPTIONS);
  if (expiresIn !== undefined && typeof expiresIn !== 'number') {
    throw fail('ERR_INVALID_EXPIRE_TIME', `options.expiresIn must be a number of seconds, got ${kind(expiresIn)}`);
  }
  let aclJson = '';
  if (acl !== undefined) {
    let isObject = false;
    try {
      isObject = typeof acl === 'object' && acl !== null && !Array.isArray(acl);
      if (isObject) aclJson = JSON.stringify(acl);
    } catch (cause) {
      throw fail('ERR_INVALID_OPTIONS', 'options.acl could not be written as JSON', cause);
    }
    if (!isObject || aclJson === '{}' && Object.keys(acl).length > 0) {
      throw fail('ERR_INVALID_OPTIONS', `options.acl must be a plain object, got ${kind(acl)}`);
    }
  }
  if (sub !== undefined && typeof sub !== 'string') throw fail('ERR_INVALID_OPTIONS', `options.sub must be a string, got ${kind(sub)}`);
  return { expiresIn: expiresIn ?? defaultSeconds, acl: fit(aclJson, LIMITS.acl), sub: fit(sub ?? '', LIMITS.sub) };
}

function applicationJwtSigningInput(applicationId, jwt, nowMs, jti) {
  const m = fullModule();
  const id = fit(applicationId, LIMITS.applicationId);
  return m.call({ text: id + jwt.acl + jwt.sub },
    (wasm, _, textLength) => wasm.application_jwt(textLength, id.length, jwt.acl.length, jwt.sub.length, jwt.expiresIn, nowMs, ...jti),
    (length) => m.ascii(m.check(length)));
}

/** Holds an application's key, imported into WebCrypto once; see vonage.d.ts. */
class LocalClientTokenGenerator {
  #applicationId;
  #key;

  constructor(applicationId, privateKey) {
    checkApplicationId(applicationId);
    checkPrivateKey(privateKey);
    this.#key = importApplicationKey(applicationId, privateKey);
    // Reported by the calls that use the key, not as an unhandled rejection.
    this.#key.catch(() => {});
    this.#applicationId = applicationId;
  }

  /** The application id. */
  get applicationId() {
    return this.#applicationId;
  }

  static #check(self, method) {
    if (!(typeof self === 'object' && self !== null && #key in self)) {
      throw fail('ERR_GENERATOR_FREED', `${method} was called without its ClientTokenGenerator (a detached method); call it as generator.${method}(...)`);
    }
  }

  /** A client token for a session of this application. */
  async generateToken(sessionId, options) {
    LocalClientTokenGenerator.#check(this, 'generateToken');
    checkSessionId(sessionId);
    const fields = readOptions(options);
    const nowMs = now();
    const input = clientSigningInput(this.#applicationId, sessionId, fields, nowMs, randomWords());
    return sign(await this.#key, input);
  }

  /** An application JWT for the REST API (`Authorization: Bearer …`), signed with this key. */
  async generateApplicationJwt(options) {
    LocalClientTokenGenerator.#check(this, 'generateApplicationJwt');
    const jwt = readJwtOptions(options, 900);
    const nowMs = now();
    const input = applicationJwtSigningInput(this.#applicationId, jwt, nowMs, randomWords());
    return sign(await this.#key, input);
  }
}

Object.defineProperty(LocalClientTokenGenerator, 'name', { value: 'ClientTokenGenerator', configurable: true });

/** One class for every copy of the package in this realm (shared.js): `instanceof` holds across them. */
export const ClientTokenGenerator = (shared.ClientTokenGenerator ??= LocalClientTokenGenerator);

/**
 * A client token for application credentials. Checks, in order: the JavaScript types, then
 * randomness, then the application id, the key, the session id, the clock and the options; then
 * imports the key and signs. For many tokens, a ClientTokenGenerator imports the key once.
 */
export async function generateClientToken(applicationId, privateKey, sessionId, options) {
  checkApplicationId(applicationId);
  checkPrivateKey(privateKey);
  checkSessionId(sessionId);
  const fields = readOptions(options);
  const jti = randomWords();
  const nowMs = now();
  const key = importApplicationKey(applicationId, privateKey);
  key.catch(() => {});
  const input = clientSigningInput(applicationId, sessionId, fields, nowMs, jti);
  return sign(await key, input);
}

/** An application JWT for the REST API, as `@vonage/jwt` writes it (900 seconds by default). */
export async function generateApplicationJwt(applicationId, privateKey, options) {
  checkApplicationId(applicationId);
  checkPrivateKey(privateKey);
  const jwt = readJwtOptions(options, 900);
  const jti = randomWords();
  const nowMs = now();
  const key = importApplicationKey(applicationId, privateKey);
  key.catch(() => {});
  const input = applicationJwtSigningInput(applicationId, jwt, nowMs, jti);
  return sign(await key, input);
}

/**
 * A project's REST API token (the `X-OPENTOK-AUTH` header): HS256 `{iss, ist, iat, exp, jti}`,
 * 300 seconds by default, as opentok writes it. Synchronous.
 */
export function generateRestToken(apiKey, apiSecret, options) {
  const key = fit(apiKeyText(apiKey), LIMITS.apiKey);
  checkApiSecret(apiSecret);
  const { expiresIn } = readOwnOptions(options, ['expiresIn']);
  if (expiresIn !== undefined && typeof expiresIn !== 'number') {
    throw fail('ERR_INVALID_EXPIRE_TIME', `options.expiresIn must be a number of seconds, got ${kind(expiresIn)}`);
  }
  const jti = randomWords();
  const nowMs = now();
  const m = fullModule();
  return m.call({ secret: fit(apiSecret, LIMITS.apiSecret), text: key, wipe: true },
    (wasm, secretLength, textLength) => wasm.rest_token(secretLength, textLength, key.length, expiresIn ?? 300, nowMs, ...jti),
    (length) => m.ascii(m.check(length)));
}
