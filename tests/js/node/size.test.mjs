// The size budgets: the module that mints HS256 + T1 tokens (the main entry's), 32,000 B raw and
// 14,000 B gzip, the stricter reading of "32 KB / 14 KB"; the full module (application
// credentials, reading tokens: the vonage and verify entries), 64,000 B and 28,000 B; the Video
// REST API's module (the video entry), 40,000 B and 18,000 B. Gzip is zlib level 9.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const RAW_BUDGET = 32_000;
const GZIP_BUDGET = 14_000;

test(`vonage_video_token_bg.wasm fits ${RAW_BUDGET} B raw and ${GZIP_BUDGET} B gzip`, () => {
  const wasm = readFileSync(new URL('../../../pkg/lib/vonage_video_token_bg.wasm', import.meta.url));
  const gzip = gzipSync(wasm, { level: 9 }).length;
  console.log(`# wasm size: ${wasm.length} B raw, ${gzip} B gzip`);
  assert.ok(wasm.length <= RAW_BUDGET, `${wasm.length} B raw is over the ${RAW_BUDGET} B budget`);
  assert.ok(gzip <= GZIP_BUDGET, `${gzip} B gzip is over the ${GZIP_BUDGET} B budget`);
});

test('the full module fits 64,000 B raw and 28,000 B gzip', () => {
  const wasm = readFileSync(new URL('../../../pkg/lib/vonage_video_token_full_bg.wasm', import.meta.url));
  const gzip = gzipSync(wasm, { level: 9 }).length;
  console.log(`# full module size: ${wasm.length} B raw, ${gzip} B gzip`);
  assert.ok(wasm.length <= 64_000 && gzip <= 28_000, `${wasm.length} B raw, ${gzip} B gzip`);
  const names = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name).filter((n) => !n.startsWith('__'));
  assert.deepEqual(names.sort(), ['answer_parts', 'answer_ptr', 'application_jwt', 'application_key', 'check_claims', 'client_token',
    'decode', 'memory', 'public_key', 'rest_token', 'slot_capacity', 'slot_ptr', 'stack_top', 'verify_secret']);
});

test('the module exports only the package boundary', () => {
  const wasm = readFileSync(new URL('../../../pkg/lib/vonage_video_token_bg.wasm', import.meta.url));
  const names = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name).filter((n) => !n.startsWith('__'));
  assert.deepEqual(names.sort(), ['answer_parts', 'answer_ptr', 'generator_free', 'generator_mint', 'generator_new', 'memory', 'mint', 'slot_capacity', 'slot_ptr', 'stack_top']);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((i) => i.name);
  assert.ok(imports.every((name) => !/random|crypto/i.test(name)), `the module must not reach for randomness itself: ${imports}`);
});

test('the Video REST API module fits 40,000 B raw and 18,000 B gzip, and holds no key material', () => {
  const wasm = readFileSync(new URL('../../../pkg/lib/vonage_video_token_video_bg.wasm', import.meta.url));
  const gzip = gzipSync(wasm, { level: 9 }).length;
  console.log(`# video module size: ${wasm.length} B raw, ${gzip} B gzip`);
  assert.ok(wasm.length <= 40_000 && gzip <= 18_000, `${wasm.length} B raw, ${gzip} B gzip`);
  const module = new WebAssembly.Module(wasm);
  const names = WebAssembly.Module.exports(module).map((e) => e.name).filter((n) => !n.startsWith('__'));
  assert.deepEqual(names.sort(), ['answer_parts', 'answer_ptr', 'memory', 'slot_capacity', 'slot_ptr', 'stack_top', 'video_answer', 'video_request']);
  assert.ok(WebAssembly.Module.imports(module).every((i) => !/random|crypto/i.test(i.name)));
});
