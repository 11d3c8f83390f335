// Test-only helpers (the `vonage-video-token/testing` entry): mint with a fixed clock and nonce
// through the public API, and look at the module's memory.
import { generateToken, TokenGenerator } from './api.js';
import { memoryBytes, memoryCopy } from './boundary.js';
import { fail, kind } from './errors.js';
import { withFixedInputs } from './nonce.js';

function readFixed(fixed) {
  let now;
  let nonce;
  try {
    ({ now, nonce } = fixed);
  } catch (cause) {
    throw fail('ERR_INVALID_OPTIONS', `fixed must be an object { now, nonce }, got ${kind(fixed)}`, cause);
  }
  if (typeof now !== 'number') throw fail('ERR_INVALID_CLOCK', `fixed.now must be a number (ms, like Date.now()), got ${kind(now)}`);
  if (typeof nonce !== 'number') throw fail('ERR_INVALID_NONCE', `fixed.nonce must be a number in [0, 1), got ${kind(nonce)}`);
  return { now, nonce };
}

/** generateToken with the clock (ms) and nonce given instead of read. */
export function generateTokenAt(fixed, apiKey, apiSecret, sessionId, options) {
  return withFixedInputs(readFixed(fixed), () => generateToken(apiKey, apiSecret, sessionId, options));
}

/** What `generator.generateToken(sessionId, options)` returns with a given clock and nonce. */
export function generatorTokenAt(generator, fixed, sessionId, options) {
  if (!(generator instanceof TokenGenerator)) {
    throw fail('ERR_INVALID_OPTIONS', `generator must be a TokenGenerator, got ${kind(generator)}`);
  }
  return withFixedInputs(readFixed(fixed), () => generator.generateToken(sessionId, options));
}

function whichModule(module) {
  if (module === undefined || module === 'main' || module === 'full') return module;
  throw fail('ERR_INVALID_OPTIONS', `module must be 'main' or 'full', got ${kind(module)}`);
}

/** The size of a module's memory, in bytes: the main module's, or the full one's (`'full'`). */
export function wasmMemoryBytes(module) {
  return memoryBytes(whichModule(module));
}

/** A copy of a module's memory, to check what it holds (e.g. that no key material is left). */
export function wasmMemoryCopy(module) {
  return memoryCopy(whichModule(module));
}
