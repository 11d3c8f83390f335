// The size budget of the module that mints HS256 + T1 tokens. Bytes are counted in thousands
// (32,000 / 14,000), the stricter reading of "32 KB / 14 KB"; gzip is zlib level 9.
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

test('the module exports only the package boundary', () => {
  const wasm = readFileSync(new URL('../../../pkg/lib/vonage_video_token_bg.wasm', import.meta.url));
  const names = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name).filter((n) => !n.startsWith('__'));
  assert.deepEqual(names.sort(), ['generator_free', 'generator_mint', 'generator_new', 'memory', 'mint', 'slot_capacity', 'slot_ptr', 'stack_top', 'token_ptr']);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((i) => i.name);
  assert.ok(imports.every((name) => !/random|crypto/i.test(name)), `the module must not reach for randomness itself: ${imports}`);
});
