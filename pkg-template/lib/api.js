// The public API: generateToken, TokenGenerator, TokenError. Each call first reads its
// arguments (types, options, clock, nonce), then hands the values to the module, which checks
// them in argument order.
import { createGenerator, freeGenerator, generatorToken, mintToken } from './boundary.js';
import { fail } from './errors.js';
import { apiKeyText, checkApiSecret, checkSessionId, fit, readOptions } from './inputs.js';
import { nonceText, now } from './nonce.js';
import { shared } from './shared.js';
import { LIMITS } from './tables.js';

export { TokenError } from './errors.js';

/** Mints a Vonage Video client token (see index.d.ts for the full documentation). */
export function generateToken(apiKey, apiSecret, sessionId, options) {
  const key = apiKeyText(apiKey);
  checkApiSecret(apiSecret);
  checkSessionId(sessionId);
  const fields = readOptions(options);
  const nowMs = now();
  const nonce = nonceText();
  return mintToken(fit(key, LIMITS.apiKey), fit(apiSecret, LIMITS.apiSecret), fit(sessionId, LIMITS.sessionId),
    fields, nowMs, nonce);
}

// Frees the module's copy of a generator's keys once the generator is garbage collected.
const finalizer = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry(freeGenerator) : undefined;

/** Holds one project's key; see index.d.ts. */
class LocalTokenGenerator {
  #handle;
  #apiKey;

  constructor(apiKey, apiSecret) {
    const key = apiKeyText(apiKey);
    checkApiSecret(apiSecret);
    const handle = createGenerator(fit(key, LIMITS.apiKey), fit(apiSecret, LIMITS.apiSecret));
    this.#handle = handle;
    this.#apiKey = key;
    finalizer?.register(this, handle, this);
  }

  /** The API key this generator mints for, as a string. */
  get apiKey() {
    return this.#apiKey;
  }

  // A method called without its generator (`const { generateToken } = generator`) has none to use.
  static #check(self, method) {
    if (!(typeof self === 'object' && self !== null && #handle in self)) {
      throw fail('ERR_GENERATOR_FREED', `${method} was called without its TokenGenerator (a detached method); call it as generator.${method}(...)`);
    }
  }

  generateToken(sessionId, options) {
    LocalTokenGenerator.#check(this, 'generateToken');
    checkSessionId(sessionId);
    const fields = readOptions(options);
    const nowMs = now();
    const nonce = nonceText();
    // Checked after the options are read: one of their getters may have freed this generator.
    const handle = this.#handle;
    if (handle === undefined) throw fail('ERR_GENERATOR_FREED', 'this TokenGenerator was freed; create a new one');
    return generatorToken(handle, fit(sessionId, LIMITS.sessionId), fields, nowMs, nonce);
  }

  /** Zeroes the key material held in module memory; later calls throw ERR_GENERATOR_FREED. */
  free() {
    LocalTokenGenerator.#check(this, 'free');
    const handle = this.#handle;
    this.#handle = undefined;
    if (handle !== undefined) {
      finalizer?.unregister(this);
      freeGenerator(handle);
    }
  }
}
if (typeof Symbol.dispose === 'symbol') {
  Object.defineProperty(LocalTokenGenerator.prototype, Symbol.dispose, {
    value: LocalTokenGenerator.prototype.free, writable: true, configurable: true,
  });
}
Object.defineProperty(LocalTokenGenerator, 'name', { value: 'TokenGenerator', configurable: true });

/** One class for every copy of the package in this realm (shared.js): `instanceof` holds across them. */
export const TokenGenerator = (shared.TokenGenerator ??= LocalTokenGenerator);
