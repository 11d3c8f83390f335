// Every input has a maximum length, checked before anything is copied into WebAssembly memory:
// inputs at, just over and far over their maximum (up to 50 MB), in every position, through
// the one-shot function and TokenGenerator, get their code; memory grows by at most 1 MiB over
// its steady state (inputs are never copied whole, so in practice it does not grow at all), and
// the next call works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packageEntry } from './package-path.mjs';
import { KEY, SECRET, SESSION } from '../suite.mjs';

const { generateToken, TokenGenerator } = await import(packageEntry('.', 'import'));
const { wasmMemoryBytes } = await import(packageEntry('./testing', 'import'));
const { LIMITS } = await import(new URL('../../../pkg/lib/tables.js', import.meta.url));

const MiB = 1024 * 1024;
const SIZES = (max) => [max, max + 1, 64 * 1024, MiB, 50 * MiB];

/** A valid session id of this project exactly `length` characters long. */
function sessionOfLength(length) {
  let filler = '';
  for (;;) {
    const id = `1_${Buffer.from(`1~${KEY}~~1700000000000~${filler}~`).toString('base64url')}`;
    if (id.length === length) return id;
    if (id.length > length) throw new Error(`no session id of length ${length}`);
    filler += 'x';
  }
}

function outcome(call) {
  try {
    call();
    return 'token';
  } catch (err) {
    assert.ok(err.code, `not a TokenError: ${err}`);
    return err.code;
  }
}

// Warm up, so the steady state includes the buffers every token needs, the largest included.
const steady = (() => {
  generateToken(KEY, SECRET, SESSION);
  generateToken(KEY, 'é'.repeat(LIMITS.apiSecret), sessionOfLength(LIMITS.sessionId), {
    tokenType: 'T1', data: '€'.repeat(LIMITS.data), initialLayoutClassList: '€'.repeat(LIMITS.initialLayoutClassList),
  });
  generateToken(KEY, SECRET, SESSION, { data: '\u0001'.repeat(LIMITS.data), initialLayoutClassList: '\u0001'.repeat(LIMITS.initialLayoutClassList) });
  return wasmMemoryBytes();
})();

function expectBounded(label) {
  const growth = wasmMemoryBytes() - steady;
  assert.ok(growth <= MiB, `${label}: memory grew by ${growth} B`);
  assert.match(generateToken(KEY, SECRET, SESSION), /^eyJ/, `${label}: the next call works`);
}

const positions = {
  apiKey: {
    max: LIMITS.apiKey,
    make: (n) => '1'.repeat(n),
    // A key of 64 digits is well-formed, but the session belongs to 123456.
    atMax: 'ERR_SESSION_KEY_MISMATCH',
    over: 'ERR_INVALID_API_KEY',
    oneShot: (v) => generateToken(v, SECRET, SESSION),
    generator: (v) => {
      const generator = new TokenGenerator(v, SECRET);
      try {
        generator.generateToken(SESSION);
      } finally {
        generator.free();
      }
    },
  },
  apiSecret: {
    max: LIMITS.apiSecret,
    make: (n) => 's'.repeat(n),
    atMax: 'token',
    over: 'ERR_INVALID_API_SECRET',
    oneShot: (v) => generateToken(KEY, v, SESSION),
    generator: (v) => {
      const generator = new TokenGenerator(KEY, v);
      try {
        generator.generateToken(SESSION);
      } finally {
        generator.free();
      }
    },
  },
  sessionId: {
    max: LIMITS.sessionId,
    make: (n) => (n === LIMITS.sessionId ? sessionOfLength(n) : `1_${'A'.repeat(n - 2)}`),
    atMax: 'token',
    over: 'ERR_INVALID_SESSION_ID',
    oneShot: (v) => generateToken(KEY, SECRET, v),
    generator: (v) => generatorCall((g) => g.generateToken(v)),
  },
  data: {
    max: LIMITS.data,
    make: (n) => 'é'.repeat(n),
    atMax: 'token',
    over: 'ERR_INVALID_DATA',
    oneShot: (v) => generateToken(KEY, SECRET, SESSION, { data: v, tokenType: 'T1' }),
    generator: (v) => generatorCall((g) => g.generateToken(SESSION, { data: v })),
  },
  'initialLayoutClassList (string)': {
    max: LIMITS.initialLayoutClassList,
    make: (n) => '\u0001'.repeat(n),
    atMax: 'token',
    over: 'ERR_INVALID_LAYOUT_CLASS_LIST',
    oneShot: (v) => generateToken(KEY, SECRET, SESSION, { initialLayoutClassList: v }),
    generator: (v) => generatorCall((g) => g.generateToken(SESSION, { initialLayoutClassList: v, tokenType: 'T1' })),
  },
  'initialLayoutClassList (array of one-letter classes)': {
    max: LIMITS.initialLayoutClassList,
    // n characters once joined: ceil(n / 2) classes.
    make: (n) => Array.from({ length: Math.ceil(n / 2) }, (_, i) => (i === 0 && n % 2 === 0 ? 'ab' : 'a')),
    atMax: 'token',
    over: 'ERR_INVALID_LAYOUT_CLASS_LIST',
    oneShot: (v) => generateToken(KEY, SECRET, SESSION, { initialLayoutClassList: v }),
    generator: (v) => generatorCall((g) => g.generateToken(SESSION, { initialLayoutClassList: v })),
  },
  role: {
    max: 16,
    make: (n) => 'p'.repeat(n),
    atMax: 'ERR_INVALID_ROLE',
    over: 'ERR_INVALID_ROLE',
    oneShot: (v) => generateToken(KEY, SECRET, SESSION, { role: v }),
    generator: (v) => generatorCall((g) => g.generateToken(SESSION, { role: v })),
  },
  tokenType: {
    max: 16,
    make: (n) => 'T'.repeat(n),
    atMax: 'ERR_INVALID_TOKEN_TYPE',
    over: 'ERR_INVALID_TOKEN_TYPE',
    oneShot: (v) => generateToken(KEY, SECRET, SESSION, { tokenType: v }),
    generator: (v) => generatorCall((g) => g.generateToken(SESSION, { tokenType: v })),
  },
};

function generatorCall(use) {
  const generator = new TokenGenerator(KEY, SECRET);
  try {
    return use(generator);
  } finally {
    generator.free();
  }
}

for (const [name, position] of Object.entries(positions)) {
  test(`${name}: at, over and far over its maximum of ${position.max}`, () => {
    for (const size of SIZES(position.max)) {
      const value = position.make(size);
      const want = size <= position.max ? position.atMax : position.over;
      assert.equal(outcome(() => position.oneShot(value)), want, `one-shot, length ${size}`);
      expectBounded(`one-shot, length ${size}`);
      assert.equal(outcome(() => position.generator(value)), want, `TokenGenerator, length ${size}`);
      expectBounded(`TokenGenerator, length ${size}`);
    }
  });
}

test('memory after every hostile size is still the steady state', () => {
  console.log(`# wasm memory: steady ${steady} B, now ${wasmMemoryBytes()} B`);
  assert.equal(wasmMemoryBytes(), steady);
});
