// Vercel Edge / Next.js edge routes: their bundler turns a `.wasm?module` import into a compiled
// WebAssembly.Module (the edge runtime does not compile WebAssembly from bytes at run time).
import wasmModule from './lib/vonage_video_token_bg.wasm?module';
import { initSync } from './lib/glue.js';
import { attach } from './lib/boundary.js';

attach(initSync({ module: wasmModule }));
export { generateToken, TokenGenerator, TokenError } from './lib/api.js';
