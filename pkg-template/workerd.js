// Cloudflare Workers: wrangler hands a static .wasm import over as a compiled WebAssembly.Module.
import wasmModule from './lib/vonage_video_token_bg.wasm';
import { initSync } from './lib/glue.js';
import { attach } from './lib/boundary.js';

attach(initSync({ module: wasmModule }));
export { generateToken, TokenGenerator, TokenError } from './lib/api.js';
