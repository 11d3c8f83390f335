// Deno, browsers, Vercel Edge and any other ES runtime: the module's bytes are inlined.
import wasmBytes from './lib/wasm-inline.js';
import { initSync } from './lib/glue.js';

initSync({ module: wasmBytes });
export { generateToken, TokenGenerator, TokenError } from './lib/api.js';
