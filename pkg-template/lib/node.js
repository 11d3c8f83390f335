// The source of lib/node.cjs (bundled to CommonJS at build time), which every Node entry (and
// Bun's) shares, so `import` and `require` share one instance: Node and Bun read the modules next
// to it and compile them synchronously, the full one on first use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync } from './glue.js';
import { initSync as initFullSync } from './glue-full.js';
import { attach, attachFull } from './boundary.js';
import { generateToken } from './api.js';
import { withFixedInputs } from './nonce.js';

attach(initSync({ module: readFileSync(join(__dirname, 'vonage_video_token_bg.wasm')) }), { Buffer });
attachFull(() => initFullSync({ module: readFileSync(join(__dirname, 'vonage_video_token_full_bg.wasm')) }), { Buffer });
// A server loads this package at start-up and mints its first token a request later. That first
// token would pay for Node loading its WebCrypto on first use and for compiling what the call runs
// (V8 compiles WebAssembly and JavaScript functions lazily): milliseconds. Once loading has
// finished, a request for zero random bytes and one throwaway token (fixed clock and nonce,
// placeholder key) do that work instead. Nothing is drawn, no secret is involved, a failure is left
// to the calls (each checks its inputs and the source itself), and, unref'd, the warm-up never
// keeps a process alive.
const WARM_UP_SESSION = '1_MX4xfn4xMDAwMDAwMDAwMDAwfjB-';
function warmUp() {
  try {
    globalThis.crypto?.getRandomValues(new Uint8Array(0));
    withFixedInputs({ now: 1e12, nonce: 0.5 }, () => generateToken('1', 'placeholder', WARM_UP_SESSION));
  } catch {
    // The first real call reports whatever failed here.
  }
}
setImmediate(warmUp).unref?.();

export { generateToken, TokenGenerator, TokenError } from './api.js';
export { generateTokenAt, generatorTokenAt, wasmMemoryBytes, wasmMemoryCopy } from './testing.js';
export { generateClientToken, ClientTokenGenerator, generateApplicationJwt, generateRestToken } from './application.js';
export { decodeToken, verifyToken } from './verify.js';
