// The source of lib/node.cjs (bundled to CommonJS at build time), which every Node entry (and
// Bun's) shares, so `import` and `require` share one instance: Node and Bun read the modules next
// to it and compile them synchronously, the full one on first use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync } from './glue.js';
import { initSync as initFullSync } from './glue-full.js';
import { attach, attachFull } from './boundary.js';

attach(initSync({ module: readFileSync(join(__dirname, 'vonage_video_token_bg.wasm')) }), { Buffer });
attachFull(() => initFullSync({ module: readFileSync(join(__dirname, 'vonage_video_token_full_bg.wasm')) }), { Buffer });
export { generateToken, TokenGenerator, TokenError } from './api.js';
export { generateTokenAt, generatorTokenAt, wasmMemoryBytes, wasmMemoryCopy } from './testing.js';
export { generateClientToken, ClientTokenGenerator, generateApplicationJwt, generateRestToken } from './application.js';
export { decodeToken, verifyToken } from './verify.js';
