// Every input has a maximum length, checked before anything is copied into WebAssembly memory:
// inputs at, just over and far over their maximum (up to 50 MB), in every position, through
// the one-shot function and TokenGenerator, get their code; memory grows by at most 1 MiB over
// its steady state (inputs are never copied whole, so in practice it does not grow at all), and
// the next call works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packageEntry } from './package-path.mjs';
import { APP, APP_SESSION, KEY, SECRET, SESSION } from '../suite.mjs';

const { generateToken, TokenGenerator } = await import(packageEntry('.', 'import'));
const { wasmMemoryBytes } = await import(packageEntry('./testing', 'import'));
const { LIMITS } = await import(new URL('../../../pkg-template/lib/tables.js', import.meta.url));

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

// The second module (application credentials, REST tokens, reading tokens back): every input at
// far over its maximum gets its code, and the module's memory does not grow.
test('the vonage and verify entries: hostile sizes in every position', async () => {
  const { generateClientToken, ClientTokenGenerator, generateApplicationJwt, generateRestToken } = await import(packageEntry('./vonage', 'import'));
  const { decodeToken, verifyToken } = await import(packageEntry('./verify', 'import'));
  const { readFileSync } = await import('node:fs');
  const pem = readFileSync(new URL('../../vectors/rsa-2048.pem', import.meta.url), 'utf8');
  const huge = 'x'.repeat(50 * MiB);
  const hugePem = `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(50 * MiB)}\n-----END PRIVATE KEY-----\n`;
  const token = generateToken(KEY, SECRET, SESSION);
  // Warm up the module with the largest valid inputs.
  await generateClientToken(APP, pem, APP_SESSION, { data: '€'.repeat(LIMITS.data) });
  verifyToken(token, SECRET);
  const before = wasmMemoryBytes('full');
  const code = async (call) => {
    try {
      await call();
      return 'ok';
    } catch (err) {
      assert.ok(err.code, `not a TokenError: ${err}`);
      return err.code;
    }
  };
  const cases = [
    ['client token: application id', () => generateClientToken(huge, pem, APP_SESSION), 'ERR_INVALID_APPLICATION_ID'],
    ['client token: private key', () => generateClientToken(APP, hugePem, APP_SESSION), 'ERR_INVALID_PRIVATE_KEY'],
    ['client token: session id', () => generateClientToken(APP, pem, huge), 'ERR_INVALID_SESSION_ID'],
    ['client token: data', () => generateClientToken(APP, pem, APP_SESSION, { data: huge }), 'ERR_INVALID_DATA'],
    ['client token: layout', () => generateClientToken(APP, pem, APP_SESSION, { initialLayoutClassList: huge }), 'ERR_INVALID_LAYOUT_CLASS_LIST'],
    ['generator: private key', () => new ClientTokenGenerator(APP, hugePem), 'ERR_INVALID_PRIVATE_KEY'],
    ['application JWT: sub', () => generateApplicationJwt(APP, pem, { sub: huge }), 'ERR_INVALID_OPTIONS'],
    ['application JWT: acl', () => generateApplicationJwt(APP, pem, { acl: { paths: { [huge]: {} } } }), 'ERR_INVALID_OPTIONS'],
    ['REST token: API key', () => generateRestToken(huge, SECRET), 'ERR_INVALID_API_KEY'],
    ['REST token: API secret', () => generateRestToken(KEY, huge), 'ERR_INVALID_API_SECRET'],
    ['decode: token', () => decodeToken(huge), 'ERR_INVALID_TOKEN'],
    ['verify: token', () => verifyToken(huge, SECRET), 'ERR_INVALID_TOKEN'],
    ['verify: secret', () => verifyToken(token, huge), 'ERR_INVALID_API_SECRET'],
    ['verify: public key', () => verifyToken(token.replace(/^[^.]+/, Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')), hugePem), 'ERR_INVALID_PUBLIC_KEY'],
    ['verify: expected session', () => verifyToken(token, SECRET, { sessionId: huge }), 'ERR_INVALID_TOKEN'],
  ];
  for (const [name, call, want] of cases) {
    assert.equal(await code(call), want, name);
    const growth = wasmMemoryBytes('full') - before;
    assert.ok(growth <= MiB, `${name}: memory grew by ${growth} B`);
  }
  assert.match(await generateClientToken(APP, pem, APP_SESSION), /^eyJ/, 'the next call works');
  assert.equal(wasmMemoryBytes('full'), before, 'the full module is still at its steady state');
});
