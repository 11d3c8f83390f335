// Deno, browsers and any other ES runtime that compiles WebAssembly from bytes: the module is inlined.
import wasmBytes from './lib/wasm-inline.js';
import { initSync } from './lib/glue.js';

initSync({ module: wasmBytes });
export { generateToken, TokenGenerator, TokenError } from './lib/api.js';
