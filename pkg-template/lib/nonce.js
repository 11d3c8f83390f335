// The clock and the nonce of each token, read inside every call (never at load: workerd forbids
// randomness outside a request). The testing entry can fix both for the duration of one call.
import { reasonError } from './errors.js';
import { shared } from './shared.js';
import { REASON } from './tables.js';

// Random words drawn 8 KB at a time: one crypto.getRandomValues call per 1024 nonces (a call
// costs microseconds). Nonces are public (they are written into every token), so keeping some
// ahead exposes nothing.
const pool = new Uint32Array(2048);
let poolUsed = pool.length;

// Checked on every call that draws, so a runtime without a secure source fails at once and always.
function secureSource() {
  const crypto = globalThis.crypto;
  if (crypto === undefined || crypto === null || typeof crypto.getRandomValues !== 'function') {
    throw reasonError(REASON.NoRandomness);
  }
  return crypto;
}

/** The next random 32-bit word of the pool (also for token ids: they are public too). */
function randomWord(crypto) {
  if (poolUsed === pool.length) {
    try {
      crypto.getRandomValues(pool);
    } catch (cause) {
      const error = reasonError(REASON.NoRandomness, ' (crypto.getRandomValues failed)');
      error.cause = cause;
      throw error;
    }
    poolUsed = 0;
  }
  return pool[poolUsed++];
}

/** A uniformly random 53-bit float in [0, 1), the shape of opentok-node's Math.random() nonce. */
function randomNonce() {
  const crypto = secureSource();
  const high = randomWord(crypto) >>> 11;
  return (high * 4294967296 + randomWord(crypto)) / 9007199254740992;
}

/** Four random 32-bit words: the 16 bytes of a token id (`jti`). */
export function randomWords() {
  const crypto = secureSource();
  return [randomWord(crypto), randomWord(crypto), randomWord(crypto), randomWord(crypto)];
}

// The fixed clock and nonce live with the other shared state (shared.js), so that the testing
// entry fixes them for every copy of the package: a generator made through the main entry's
// CommonJS file mints with the clock the testing entry's ESM file fixed.

/** Milliseconds since the epoch, as the token's clock. */
export function now() {
  const { fixed } = shared;
  return fixed === undefined ? Date.now() : fixed.now;
}

/** The next nonce, as JavaScript writes the number (the module puts this text in the token). */
export function nonceText() {
  const { fixed } = shared;
  return String(fixed === undefined ? randomNonce() : fixed.nonce);
}

/** Runs `call` with the clock and nonce fixed to `inputs` ({ now, nonce }); for the testing entry. */
export function withFixedInputs(inputs, call) {
  const outer = shared.fixed;
  shared.fixed = inputs;
  try {
    return call();
  } finally {
    shared.fixed = outer;
  }
}
