// Long runs in one instance: WebAssembly memory reaches a steady state (it does not grow across a
// million calls after warm-up, and huge inputs grow it once, not once per call), and a million
// tokens carry a million distinct nonces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packageEntry } from './package-path.mjs';
import { KEY, SECRET, SESSION } from '../suite.mjs';

const { generateToken, TokenGenerator } = await import(packageEntry('.', 'import'));
const { wasmMemoryBytes } = await import(packageEntry('./testing', 'import'));

function mintMix(count, generator) {
  const expireTime = Math.floor(Date.now() / 1000) + 600;
  for (let i = 0; i < count; i++) {
    switch (i % 4) {
      case 0: generateToken(KEY, SECRET, SESSION); break;
      case 1: generator.generateToken(SESSION, { role: 'moderator', data: `user-${i} é😀`, initialLayoutClassList: ['a', 'b'] }); break;
      case 2: generateToken(KEY, SECRET, SESSION, { tokenType: 'T1', expireTime }); break;
      default:
        // Errors must not leak memory either; the call must fail, and with its own code.
        try {
          generateToken(KEY, SECRET, 'nope');
          throw new Error('an invalid session id was accepted');
        } catch (err) {
          if (err.code !== 'ERR_INVALID_SESSION_ID') throw err;
        }
    }
  }
}

test('linear memory does not grow across 1,000,000 tokens after warm-up', () => {
  const generator = new TokenGenerator(KEY, SECRET);
  mintMix(20_000, generator);
  const before = wasmMemoryBytes();
  mintMix(1_000_000, generator);
  generator.free();
  assert.equal(wasmMemoryBytes(), before);
  console.log(`# wasm memory steady at ${before} bytes over 1,000,000 calls`);
});

test('a huge input grows memory once, not once per call', () => {
  const huge = `1_${'A'.repeat(8 * 1024 * 1024)}`;
  const attempt = () => assert.throws(() => generateToken(KEY, SECRET, huge), { code: 'ERR_INVALID_SESSION_ID' });
  attempt();
  const after = wasmMemoryBytes();
  for (let i = 0; i < 10; i++) attempt();
  assert.equal(wasmMemoryBytes(), after);
  generateToken(KEY, SECRET, SESSION);
});

test('generators created and freed in a loop do not leak', () => {
  for (let i = 0; i < 2000; i++) new TokenGenerator(KEY, SECRET).free();
  const before = wasmMemoryBytes();
  for (let i = 0; i < 100_000; i++) new TokenGenerator(KEY, SECRET).free();
  assert.equal(wasmMemoryBytes(), before);
});

test('1,000,000 tokens carry 1,000,000 distinct nonces', () => {
  const generator = new TokenGenerator(KEY, SECRET);
  const nonces = new Set();
  const pattern = /"nonce":([^,]+),/;
  for (let i = 0; i < 1_000_000; i++) {
    const token = generator.generateToken(SESSION);
    const payload = Buffer.from(token.slice(token.indexOf('.') + 1, token.lastIndexOf('.')), 'base64url').toString();
    nonces.add(pattern.exec(payload)[1]);
  }
  generator.free();
  assert.equal(nonces.size, 1_000_000);
});
