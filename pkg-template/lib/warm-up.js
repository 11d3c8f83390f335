// A server loads this package at start-up and mints its first token a request later. That first
// token would pay for the runtime loading its WebCrypto on first use (Node does) and for compiling
// what the call runs (engines compile WebAssembly and JavaScript functions lazily): milliseconds.
// One event-loop turn after loading, a request for zero random bytes and one throwaway token
// (fixed clock and nonce, placeholder key) do that work instead. Nothing is drawn, no secret is
// involved, a failure is left to the calls (each checks its inputs and the source itself), and,
// unref'd, the warm-up never keeps a process alive. Only where setImmediate exists (Node, Bun):
// not in browsers, not in Workers (which forbid randomness outside a request).
import { generateToken } from './api.js';
import { withFixedInputs } from './nonce.js';
import { shared } from './shared.js';

const WARM_UP_SESSION = '1_MX4xfn4xMDAwMDAwMDAwMDAwfjB-';

function warmUp() {
  try {
    globalThis.crypto?.getRandomValues(new Uint8Array(0));
    withFixedInputs({ now: 1e12, nonce: 0.5 }, () => generateToken('1', 'placeholder', WARM_UP_SESSION));
  } catch {
    // The first real call reports whatever failed here.
  }
}

/** Schedules the warm-up once per realm, whichever copy of the package asks first. */
export function scheduleWarmUp() {
  if (shared.warmUpScheduled || typeof setImmediate !== 'function') return;
  shared.warmUpScheduled = true;
  setImmediate(warmUp).unref?.();
}
