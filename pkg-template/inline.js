// Deno, bundlers, browsers and any other ES runtime that compiles WebAssembly from bytes: the
// module is inlined, so there is no file to find.
import wasmBytes from './lib/wasm-inline.js';
import { initSync } from './lib/glue.js';
import { attach } from './lib/boundary.js';

attach(initSync({ module: wasmBytes }));
export { generateToken, TokenGenerator, TokenError } from './lib/api.js';
