// No key material outlives a call: after a one-shot call (JWT or T1, token or error) and after
// TokenGenerator#free(), the module's memory holds no copy of the secret, its digests (secrets
// longer than a hash block are hashed first), its padded HMAC key blocks (key ^ 0x36, key ^ 0x5c)
// or the HMAC states derived from them, and the whole stack region is zero. As a control, a live
// generator's states are found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sha256 } from '@noble/hashes/sha2.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { packageEntry, stackTop } from './package-path.mjs';
import { KEY, SESSION } from '../suite.mjs';

const { generateToken, TokenGenerator } = await import(packageEntry('.', 'import'));
const { wasmMemoryCopy } = await import(packageEntry('./testing', 'import'));

const encoder = new TextEncoder();

const STACK_TOP = stackTop('vonage_video_token_bg.wasm');
const BLOCK = 64;

function words(numbers, littleEndian) {
  const out = new Uint8Array(numbers.length * 4);
  const view = new DataView(out.buffer);
  numbers.forEach((n, i) => view.setUint32(i * 4, n >>> 0, littleEndian));
  return out;
}

/** Everything derived from `secret` that would let someone forge tokens, labelled. */
function keyMaterial(secret) {
  const bytes = encoder.encode(secret);
  const needles = [];
  if (bytes.length >= 8) needles.push(['the secret', bytes]);
  for (const [name, hash] of [['SHA-256', sha256], ['SHA-1', sha1]]) {
    const key = new Uint8Array(BLOCK);
    if (bytes.length > BLOCK) {
      const digest = hash(bytes);
      needles.push([`${name} of the secret`, digest]);
      key.set(digest);
    } else {
      key.set(bytes);
    }
    for (const [pad, value] of [['inner', 0x36], ['outer', 0x5c]]) {
      const block = key.map((b) => b ^ value);
      needles.push([`${name} ${pad} key block`, block]);
      const state = hash.create().update(block).get();
      needles.push([`${name} ${pad} state (LE)`, words(state, true)], [`${name} ${pad} state (BE)`, words(state, false)]);
    }
  }
  return needles;
}

function find(haystack, needle) {
  const first = needle[0];
  for (let i = haystack.indexOf(first); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/** What is left of `secret`'s key material in module memory, plus any byte left on the stack. */
function leftovers(secret) {
  const memory = wasmMemoryCopy();
  const found = keyMaterial(secret).filter(([, needle]) => find(memory, needle) !== -1).map(([name]) => name);
  const dirty = memory.subarray(0, STACK_TOP).findLastIndex((b) => b !== 0);
  if (dirty !== -1) found.push(`stack byte ${STACK_TOP - dirty} below the top`);
  return found;
}

const SECRETS = {
  'a 40-hex-digit secret': '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c',
  'a non-ASCII secret': 'ßecret-élan-😀-Ωmega-0123456789',
  'a 64-byte secret (one full block)': 'k'.repeat(31) + 'K'.repeat(33),
  'a 65-byte secret (hashed first)': 'L'.repeat(65),
  'a 300-byte non-ASCII secret (hashed first)': 'Zé😀'.repeat(43),
};

for (const [label, secret] of Object.entries(SECRETS)) {
  test(`${label}: nothing is left after one-shot JWT, T1 and failed calls`, () => {
    generateToken(KEY, secret, SESSION);
    assert.deepEqual(leftovers(secret), [], 'after a JWT');
    generateToken(KEY, secret, SESSION, { tokenType: 'T1', data: 'x' });
    assert.deepEqual(leftovers(secret), [], 'after a T1');
    assert.throws(() => generateToken(KEY, secret, '1_nope'), { code: 'ERR_INVALID_SESSION_ID' });
    assert.throws(() => generateToken(KEY, secret, SESSION, { expireTime: 1 }), { code: 'ERR_INVALID_EXPIRE_TIME' });
    assert.deepEqual(leftovers(secret), [], 'after failed calls');
  });

  test(`${label}: a live generator's states are found; none is left after free()`, () => {
    const generator = new TokenGenerator(KEY, secret);
    for (let i = 0; i < 3; i++) {
      generator.generateToken(SESSION);
      generator.generateToken(SESSION, { tokenType: 'T1' });
    }
    const live = leftovers(secret).filter((name) => !name.startsWith('stack byte'));
    // The control: the scan finds what is there (the derived states the generator keeps).
    for (const state of ['SHA-256 inner state', 'SHA-256 outer state', 'SHA-1 inner state', 'SHA-1 outer state']) {
      assert.ok(live.some((name) => name.startsWith(state)), `the scan should find the live ${state}: found ${live}`);
    }
    assert.ok(!live.includes('the secret'), 'a generator keeps no copy of the secret itself');
    generator.free();
    assert.deepEqual(leftovers(secret), [], 'after free()');
    for (let i = 0; i < 50; i++) generateToken(KEY, 'another secret entirely', SESSION);
    assert.deepEqual(leftovers(secret), [], 'after later calls with another secret');
  });
}

test('a generator made with a bad key keeps nothing', () => {
  const secret = SECRETS['a 40-hex-digit secret'];
  assert.throws(() => new TokenGenerator('12a', secret), { code: 'ERR_INVALID_API_KEY' });
  assert.deepEqual(leftovers(secret), []);
});
