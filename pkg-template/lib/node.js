// The source of lib/node.cjs (bundled to CommonJS at build time), which node.cjs, node.mjs,
// testing.cjs and testing.mjs share: Node and Bun read the module next to it and compile it
// synchronously.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync } from './glue.js';
import { attach } from './boundary.js';

attach(initSync({ module: readFileSync(join(__dirname, 'vonage_video_token_bg.wasm')) }), { Buffer });
export { generateToken, TokenGenerator, TokenError } from './api.js';
export { generateTokenAt, generatorTokenAt, wasmMemoryBytes, wasmMemoryCopy } from './testing.js';
