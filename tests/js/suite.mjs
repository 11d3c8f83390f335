// The runtime-agnostic test suite: every runtime runner (Node ESM/CJS, Deno, Bun, workerd,
// edge-runtime, Chromium) passes in the package it imported and runs these cases.
// No runtime-specific APIs here: only the language, atob, TextEncoder and the package.

export class AssertionError extends Error {}

export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

export function equal(actual, expected, message = '') {
  if (actual !== expected) {
    throw new AssertionError(`${message}\n  actual:   ${String(actual).slice(0, 300)}\n  expected: ${String(expected).slice(0, 300)}`);
  }
}

export function throwsCode(fn, code, { TokenError, secret } = {}) {
  let thrown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  assert(thrown !== undefined, `expected ${code}, nothing was thrown`);
  assert(thrown instanceof TokenError, `expected a TokenError ${code}, got ${thrown && thrown.name}: ${thrown && thrown.message}`);
  equal(thrown.code, code, `wrong code (message: ${thrown.message})`);
  assert(typeof thrown.message === 'string' && thrown.message.length > 0, 'empty message');
  if (secret) {
    assert(!thrown.message.includes(secret), 'the message contains the secret');
    assert(!String(thrown.stack).includes(secret), 'the stack contains the secret');
  }
  return thrown;
}

export const SESSION = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
export const KEY = '123456';
export const SECRET = '1234567890abcdef1234567890abcdef1234567890';

function base64UrlDecode(segment) {
  const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function decodeJwtPayload(token) {
  return JSON.parse(base64UrlDecode(token.split('.')[1]));
}

/** The decoded data string of a T1 token (what follows the first ':'). */
export function decodeT1(token) {
  assert(token.startsWith('T1=='), 'not a T1 token');
  const text = atob(token.slice(4));
  const colon = text.indexOf(':');
  return { head: text.slice(0, colon), data: text.slice(colon + 1) };
}

function badInputs() {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const big = 'x'.repeat(10 * 1024 * 1024);
  const throwingGetter = { get data() { throw new Error(`boom ${SECRET}`); } };
  const throwingKeys = new Proxy({}, { ownKeys() { throw new Error('no keys'); } });
  const throwingProto = new Proxy({}, { getPrototypeOf() { throw new Error('no proto'); } });
  const throwingLayout = { initialLayoutClassList: new Proxy(['a'], { get(t, k) { if (k === '0') throw new Error('no'); return Reflect.get(t, k); } }) };
  class Opts { constructor() { this.role = 'publisher'; } }
  const s = (sid) => sid;
  return [
    // [description, args [apiKey, apiSecret, sessionId, options], code]
    ['apiKey missing', [undefined, SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey null', [null, SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey 0', [0, SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey negative', [-123456, SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey fractional', [123456.5, SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey NaN', [NaN, SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey Infinity', [Infinity, SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey unsafe integer', [2 ** 53, SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey BigInt', [123456n, SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey empty string', ['', SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey with letters', ['12a456', SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey with spaces', [' 123456', SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey non-ASCII digits', ['١٢٣', SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey object', [{}, SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey Symbol', [Symbol('k'), SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiKey 10 MB', [big, SECRET, SESSION], 'ERR_INVALID_API_KEY'],
    ['apiSecret missing', [KEY, undefined, SESSION], 'ERR_INVALID_API_SECRET'],
    ['apiSecret empty', [KEY, '', SESSION], 'ERR_INVALID_API_SECRET'],
    ['apiSecret number', [KEY, 1234, SESSION], 'ERR_INVALID_API_SECRET'],
    ['apiSecret Uint8Array', [KEY, new Uint8Array(4), SESSION], 'ERR_INVALID_API_SECRET'],
    ['sessionId missing', [KEY, SECRET, undefined], 'ERR_INVALID_SESSION_ID'],
    ['sessionId empty', [KEY, SECRET, ''], 'ERR_INVALID_SESSION_ID'],
    ['sessionId number', [KEY, SECRET, 42], 'ERR_INVALID_SESSION_ID'],
    ['sessionId garbage', [KEY, SECRET, 'NOT A VALID SESSION ID'], 'ERR_INVALID_SESSION_ID'],
    ['sessionId SESSIONID', [KEY, SECRET, 'SESSIONID'], 'ERR_INVALID_SESSION_ID'],
    ['sessionId prefix only', [KEY, SECRET, '1_'], 'ERR_INVALID_SESSION_ID'],
    ['sessionId lone surrogate', [KEY, SECRET, s(SESSION + '\uD800')], 'ERR_INVALID_SESSION_ID'],
    ['sessionId 10 MB', [KEY, SECRET, `1_${big}`], 'ERR_INVALID_SESSION_ID'],
    ['sessionId of another key', [KEY, SECRET, '1_MX42NTQzMjF-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4'], 'ERR_SESSION_KEY_MISMATCH'],
    ['sessionId of a key prefix', ['12345', SECRET, SESSION], 'ERR_SESSION_KEY_MISMATCH'],
    ['options a string', [KEY, SECRET, SESSION, 'publisher'], 'ERR_INVALID_OPTIONS'],
    ['options a number', [KEY, SECRET, SESSION, 5], 'ERR_INVALID_OPTIONS'],
    ['options an array', [KEY, SECRET, SESSION, []], 'ERR_INVALID_OPTIONS'],
    ['options a Date', [KEY, SECRET, SESSION, new Date()], 'ERR_INVALID_OPTIONS'],
    ['options a class instance', [KEY, SECRET, SESSION, new Opts()], 'ERR_INVALID_OPTIONS'],
    ['options a function', [KEY, SECRET, SESSION, () => {}], 'ERR_INVALID_OPTIONS'],
    ['options a revoked proxy', [KEY, SECRET, SESSION, revoked.proxy], 'ERR_INVALID_OPTIONS'],
    ['options ownKeys trap throws', [KEY, SECRET, SESSION, throwingKeys], 'ERR_INVALID_OPTIONS'],
    ['options getPrototypeOf trap throws', [KEY, SECRET, SESSION, throwingProto], 'ERR_INVALID_OPTIONS'],
    ['options getter throws', [KEY, SECRET, SESSION, throwingGetter], 'ERR_INVALID_OPTIONS'],
    ['options unknown key', [KEY, SECRET, SESSION, { expire_time: 1 }], 'ERR_UNKNOWN_OPTION'],
    ['options __proto__ key', [KEY, SECRET, SESSION, JSON.parse('{"__proto__": {"role": "moderator"}}')], 'ERR_UNKNOWN_OPTION'],
    ['options constructor key', [KEY, SECRET, SESSION, { constructor: 1 }], 'ERR_UNKNOWN_OPTION'],
    ['role unknown', [KEY, SECRET, SESSION, { role: 'admin' }], 'ERR_INVALID_ROLE'],
    ['role upper case', [KEY, SECRET, SESSION, { role: 'PUBLISHER' }], 'ERR_INVALID_ROLE'],
    ['role number', [KEY, SECRET, SESSION, { role: 5 }], 'ERR_INVALID_ROLE'],
    ['role null', [KEY, SECRET, SESSION, { role: null }], 'ERR_INVALID_ROLE'],
    ['role toString', [KEY, SECRET, SESSION, { role: 'toString' }], 'ERR_INVALID_ROLE'],
    ['expireTime in the past', [KEY, SECRET, SESSION, { expireTime: Math.floor(Date.now() / 1000) - 3600 }], 'ERR_INVALID_EXPIRE_TIME'],
    ['expireTime in milliseconds', [KEY, SECRET, SESSION, { expireTime: Date.now() + 3600_000 }], 'ERR_INVALID_EXPIRE_TIME'],
    ['expireTime 31 days ahead', [KEY, SECRET, SESSION, { expireTime: Math.round(Date.now() / 1000) + 31 * 86400 }], 'ERR_INVALID_EXPIRE_TIME'],
    ['expireTime NaN', [KEY, SECRET, SESSION, { expireTime: NaN }], 'ERR_INVALID_EXPIRE_TIME'],
    ['expireTime Infinity', [KEY, SECRET, SESSION, { expireTime: Infinity }], 'ERR_INVALID_EXPIRE_TIME'],
    ['expireTime -0', [KEY, SECRET, SESSION, { expireTime: -0 }], 'ERR_INVALID_EXPIRE_TIME'],
    ['expireTime string', [KEY, SECRET, SESSION, { expireTime: '1700000000' }], 'ERR_INVALID_EXPIRE_TIME'],
    ['expireTime invalid Date', [KEY, SECRET, SESSION, { expireTime: new Date('nope') }], 'ERR_INVALID_EXPIRE_TIME'],
    ['expireTime past Date', [KEY, SECRET, SESSION, { expireTime: new Date(0) }], 'ERR_INVALID_EXPIRE_TIME'],
    ['expireTime BigInt', [KEY, SECRET, SESSION, { expireTime: 1n }], 'ERR_INVALID_EXPIRE_TIME'],
    ['expireTime null', [KEY, SECRET, SESSION, { expireTime: null }], 'ERR_INVALID_EXPIRE_TIME'],
    ['data number', [KEY, SECRET, SESSION, { data: 5 }], 'ERR_INVALID_DATA'],
    ['data object', [KEY, SECRET, SESSION, { data: { a: 1 } }], 'ERR_INVALID_DATA'],
    ['data null', [KEY, SECRET, SESSION, { data: null }], 'ERR_INVALID_DATA'],
    ['data 1001 units', [KEY, SECRET, SESSION, { data: 'x'.repeat(1001) }], 'ERR_INVALID_DATA'],
    ['data 501 emoji', [KEY, SECRET, SESSION, { data: '😀'.repeat(501) }], 'ERR_INVALID_DATA'],
    ['data lone high surrogate', [KEY, SECRET, SESSION, { data: 'a\uD800b' }], 'ERR_INVALID_DATA'],
    ['data lone low surrogate', [KEY, SECRET, SESSION, { data: '\uDC00' }], 'ERR_INVALID_DATA'],
    ['data 10 MB', [KEY, SECRET, SESSION, { data: big }], 'ERR_INVALID_DATA'],
    ['layout number', [KEY, SECRET, SESSION, { initialLayoutClassList: 5 }], 'ERR_INVALID_LAYOUT_CLASS_LIST'],
    ['layout array with a number', [KEY, SECRET, SESSION, { initialLayoutClassList: ['a', 5] }], 'ERR_INVALID_LAYOUT_CLASS_LIST'],
    ['layout sparse array', [KEY, SECRET, SESSION, { initialLayoutClassList: ['a', , 'b'] }], 'ERR_INVALID_LAYOUT_CLASS_LIST'], // eslint-disable-line no-sparse-arrays
    ['layout typed array', [KEY, SECRET, SESSION, { initialLayoutClassList: new Uint8Array(2) }], 'ERR_INVALID_LAYOUT_CLASS_LIST'],
    ['layout too long string', [KEY, SECRET, SESSION, { initialLayoutClassList: 'x'.repeat(1025) }], 'ERR_INVALID_LAYOUT_CLASS_LIST'],
    ['layout too long joined', [KEY, SECRET, SESSION, { initialLayoutClassList: ['x'.repeat(512), 'x'.repeat(512)] }], 'ERR_INVALID_LAYOUT_CLASS_LIST'],
    ['layout huge array', [KEY, SECRET, SESSION, { initialLayoutClassList: new Array(1e6).fill('') }], 'ERR_INVALID_LAYOUT_CLASS_LIST'],
    ['layout lone surrogate', [KEY, SECRET, SESSION, { initialLayoutClassList: ['\uDBFF'] }], 'ERR_INVALID_LAYOUT_CLASS_LIST'],
    ['layout element getter throws', [KEY, SECRET, SESSION, throwingLayout], 'ERR_INVALID_LAYOUT_CLASS_LIST'],
    ['layout 10 MB string', [KEY, SECRET, SESSION, { initialLayoutClassList: big }], 'ERR_INVALID_LAYOUT_CLASS_LIST'],
    ['tokenType lower case', [KEY, SECRET, SESSION, { tokenType: 'jwt' }], 'ERR_INVALID_TOKEN_TYPE'],
    ['tokenType T2', [KEY, SECRET, SESSION, { tokenType: 'T2' }], 'ERR_INVALID_TOKEN_TYPE'],
    ['tokenType number', [KEY, SECRET, SESSION, { tokenType: 1 }], 'ERR_INVALID_TOKEN_TYPE'],
  ];
}

async function rejectsCode(promise, code, { TokenError, secret } = {}) {
  let thrown;
  try {
    await promise;
  } catch (err) {
    thrown = err;
  }
  return throwsCode(() => {
    if (thrown) throw thrown;
  }, code, { TokenError, secret });
}

export const APP = '29f760f8-7ce1-46c9-ade3-f2dedee4ed5f';
// btoa: this file runs in every runtime, Buffer is Node's.
export const APP_SESSION = `1_${btoa(`1~${APP}~~1726462588647~11xLa1bbhzPeGQGmXsmgxI0k~~~`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;

/** Cases for application credentials and reading tokens back (the vonage and verify entries). */
function fullCases({ api, vonage, verify, keys }, test) {
  const { TokenError } = api;
  test('the vonage and verify entries share TokenError with the main entry', () => {
    equal(vonage.TokenError, TokenError);
    equal(verify.TokenError, TokenError);
  });

  test('client tokens and application JWTs: minted, then verified with the public key', async () => {
    const token = await vonage.generateClientToken(APP, keys.privateKey, APP_SESSION, { role: 'moderator', data: 'd' });
    const verified = await verify.verifyToken(token, keys.publicKey, { sessionId: APP_SESSION, role: 'moderator' });
    equal(verified.algorithm, 'RS256');
    equal(verified.claims.application_id, APP);
    equal(verified.claims.connection_data, 'd');
    const generator = new vonage.ClientTokenGenerator(APP, keys.pkcs1PrivateKey);
    const again = await generator.generateToken(APP_SESSION, { initialLayoutClassList: ['focus'] });
    equal((await verify.verifyToken(again, keys.privateKey)).claims.initial_layout_class_list, 'focus');
    const bearer = await generator.generateApplicationJwt({ expiresIn: 60 });
    const claims = (await verify.verifyToken(bearer, keys.publicKey)).claims;
    equal(claims.exp - claims.iat, 60);
  });

  test('application credentials: bad keys and sessions get their codes, never the key', async () => {
    const secret = keys.privateKey.split('\n')[5];
    await rejectsCode(vonage.generateClientToken('abcd', keys.privateKey, APP_SESSION), 'ERR_INVALID_APPLICATION_ID', { TokenError, secret });
    await rejectsCode(vonage.generateClientToken(APP, keys.ecKey, APP_SESSION), 'ERR_INVALID_PRIVATE_KEY', { TokenError, secret });
    await rejectsCode(vonage.generateClientToken(APP, keys.smallKey, APP_SESSION), 'ERR_INVALID_PRIVATE_KEY', { TokenError, secret });
    await rejectsCode(vonage.generateClientToken(APP, keys.privateKey, SESSION), 'ERR_SESSION_KEY_MISMATCH', { TokenError, secret });
    throwsCode(() => new vonage.ClientTokenGenerator(APP, 'not a key'), 'ERR_INVALID_PRIVATE_KEY', { TokenError });
  });

  test('REST tokens, and project tokens read back', () => {
    const rest = vonage.generateRestToken(KEY, SECRET, { expiresIn: 120 });
    const claims = verify.verifyToken(rest, SECRET).claims;
    equal(claims.ist, 'project');
    equal(claims.exp - claims.iat, 120);
    for (const tokenType of ['JWT', 'T1']) {
      const token = api.generateToken(KEY, SECRET, SESSION, { tokenType, role: 'subscriber' });
      equal(verify.decodeToken(token).format, tokenType);
      equal(verify.verifyToken(token, SECRET, { sessionId: SESSION }).claims.role, 'subscriber');
      throwsCode(() => verify.verifyToken(token, `${SECRET}x`), 'ERR_INVALID_SIGNATURE', { TokenError });
    }
    throwsCode(() => verify.decodeToken('not.a.token'), 'ERR_INVALID_TOKEN', { TokenError });
  });
}

/**
 * The cases: an array of [name, fn]. `api` is the main entry, `testing` the ./testing entry,
 * `vonage` and `verify` those entries (optional), `keys` PEM keys for them, `vectors` the parsed
 * tests/vectors/tokens.json.
 */
export function suite({ api, testing, vonage, verify, keys, vectors }) {
  const { generateToken, TokenGenerator, TokenError } = api;
  const { generateTokenAt, generatorTokenAt } = testing;
  const cases = [];
  const test = (name, fn) => cases.push([name, fn]);
  const valid = () => {
    const token = generateToken(KEY, SECRET, SESSION);
    equal(decodeJwtPayload(token).session_id, SESSION, 'a valid call after an error');
  };

  test('exports the contract API', () => {
    equal(typeof generateToken, 'function');
    equal(typeof TokenGenerator, 'function');
    equal(typeof TokenError, 'function');
    equal(typeof generateTokenAt, 'function');
    assert(!('generateTokenAt' in api), 'generateTokenAt must stay out of the main entry');
  });

  test('official SDK vectors, one-shot and generator', () => {
    assert(vectors.tokens.length >= 4, 'vectors missing');
    for (const v of vectors.tokens) {
      const fixed = { now: v.now, nonce: v.nonce };
      equal(generateTokenAt(fixed, v.apiKey, v.apiSecret, v.sessionId, v.options), v.token, v.name);
      const generator = new TokenGenerator(v.apiKey, v.apiSecret);
      equal(generatorTokenAt(generator, fixed, v.sessionId, v.options), v.token, `${v.name} (generator)`);
      generator.free();
    }
  });

  test('numeric apiKey and Date expireTime mint the same bytes as their string/seconds forms', () => {
    const fixed = { now: 1700000000000, nonce: 0.25 };
    equal(generateTokenAt(fixed, 123456, SECRET, SESSION), generateTokenAt(fixed, '123456', SECRET, SESSION));
    equal(
      generateTokenAt(fixed, KEY, SECRET, SESSION, { expireTime: new Date(1700000060500) }),
      generateTokenAt(fixed, KEY, SECRET, SESSION, { expireTime: 1700000060.5 }),
    );
    equal(generateTokenAt(fixed, KEY, SECRET, SESSION, null), generateTokenAt(fixed, KEY, SECRET, SESSION, {}));
    equal(
      generateTokenAt(fixed, KEY, SECRET, SESSION, { initialLayoutClassList: 'focus main' }),
      generateTokenAt(fixed, KEY, SECRET, SESSION, { initialLayoutClassList: ['focus', 'main'] }),
    );
  });

  test('real clock: claims, default expiry, fresh nonces', () => {
    const seen = new Set();
    for (let i = 0; i < 2000; i++) {
      const before = Math.round(Date.now() / 1000);
      const claims = decodeJwtPayload(generateToken(KEY, SECRET, SESSION, { role: 'subscriber' }));
      const after = Math.round(Date.now() / 1000);
      assert(claims.create_time >= before && claims.create_time <= after, 'create_time is now');
      equal(claims.expire_time, claims.create_time + 86400, 'default expiry');
      equal(claims.exp, claims.expire_time, 'exp');
      equal(claims.role, 'subscriber');
      equal(claims.iss, KEY);
      assert(claims.nonce >= 0 && claims.nonce < 1, 'nonce in [0,1)');
      assert(!seen.has(claims.nonce), 'nonce repeated');
      seen.add(claims.nonce);
    }
  });

  test('T1 tokens carry the claims in opentok-node order', () => {
    const { head, data } = decodeT1(generateToken(Number(KEY), SECRET, SESSION, { tokenType: 'T1', data: 'a b' }));
    assert(/^partner_id=123456&sig=[0-9a-f]{40}$/.test(head), head);
    assert(new RegExp(`^session_id=${SESSION}&create_time=\\d+&nonce=0\\.\\d+(e-\\d+)?&role=publisher&expire_time=\\d+&connection_data=a%20b&initial_layout_class_list=&scope=session\\.connect$`).test(data), data);
  });

  test('bad input: every contract row throws its code, never the secret, and the module keeps working', () => {
    for (const [description, args, code] of badInputs()) {
      try {
        throwsCode(() => generateToken(...args), code, { TokenError, secret: SECRET });
        if (args[0] === KEY && args[1] === SECRET) {
          const generator = new TokenGenerator(KEY, SECRET);
          throwsCode(() => generator.generateToken(args[2], args[3]), code, { TokenError, secret: SECRET });
          generator.free();
        }
      } catch (err) {
        err.message = `${description}: ${err.message}`;
        throw err;
      }
      valid();
    }
  });

  test('unknown option names the likely intended one, never the key itself', () => {
    const err = throwsCode(() => generateToken(KEY, SECRET, SESSION, { expire_time: 1 }), 'ERR_UNKNOWN_OPTION', { TokenError });
    assert(err.message.includes('"expireTime"') && !err.message.includes('expire_time'), err.message);
    // A secret pasted as a key name is not repeated, and no suggestion is made from it.
    const pasted = throwsCode(() => generateToken(KEY, SECRET, SESSION, { [SECRET]: 1 }), 'ERR_UNKNOWN_OPTION', { TokenError });
    assert(!pasted.message.includes(SECRET) && !pasted.message.includes(SECRET.slice(0, 8)) && !pasted.message.includes('did you mean'), pasted.message);
    const layout = throwsCode(() => generateToken(KEY, SECRET, SESSION, { layoutClassList: [] }), 'ERR_UNKNOWN_OPTION', { TokenError });
    assert(layout.message.includes('initialLayoutClassList'), layout.message);
    const datum = throwsCode(() => generateToken(KEY, SECRET, SESSION, { connectionData: 'x' }), 'ERR_UNKNOWN_OPTION', { TokenError });
    assert(datum.message.includes('"data"'), datum.message);
  });

  test('a polluted Object.prototype cannot inject options', () => {
    Object.prototype.role = 'moderator'; // eslint-disable-line no-extend-native
    try {
      equal(decodeJwtPayload(generateToken(KEY, SECRET, SESSION, {})).role, 'publisher');
    } finally {
      delete Object.prototype.role;
    }
  });

  test('null-prototype and cross-shaped plain objects are accepted', () => {
    const options = Object.create(null);
    options.role = 'moderator';
    equal(decodeJwtPayload(generateToken(KEY, SECRET, SESSION, options)).role, 'moderator');
  });

  test('expireTime bounds are inclusive and fractions round like Math.round', () => {
    const fixed = { now: 1700000000400, nonce: 0.5 };
    const claims = (o) => decodeJwtPayload(generateTokenAt(fixed, KEY, SECRET, SESSION, o));
    equal(claims({ expireTime: 1700000000 }).exp, 1700000000);
    equal(claims({ expireTime: 1699999999.5 }).exp, 1700000000);
    equal(claims({ expireTime: 1700000000 + 2592000 }).exp, 1700000000 + 2592000);
    throwsCode(() => generateTokenAt(fixed, KEY, SECRET, SESSION, { expireTime: 1700000000 + 2592000.5 }), 'ERR_INVALID_EXPIRE_TIME', { TokenError });
    throwsCode(() => generateTokenAt(fixed, KEY, SECRET, SESSION, { expireTime: 1699999999.49 }), 'ERR_INVALID_EXPIRE_TIME', { TokenError });
  });

  test('data limits count UTF-16 code units; empty data is left out', () => {
    const fixed = { now: 1700000000000, nonce: 0.5 };
    equal(decodeJwtPayload(generateTokenAt(fixed, KEY, SECRET, SESSION, { data: 'é'.repeat(1000) })).connection_data.length, 1000);
    equal(decodeJwtPayload(generateTokenAt(fixed, KEY, SECRET, SESSION, { data: '😀'.repeat(500) })).connection_data.length, 1000);
    assert(!('connection_data' in decodeJwtPayload(generateTokenAt(fixed, KEY, SECRET, SESSION, { data: '' }))), 'empty data');
  });

  test('testing entry checks its fixed inputs', () => {
    const cases = [
      [null, 'ERR_INVALID_OPTIONS'], [5, 'ERR_INVALID_CLOCK'], [{}, 'ERR_INVALID_CLOCK'], [{ now: 0 }, 'ERR_INVALID_NONCE'],
      [{ now: -1, nonce: 0.5 }, 'ERR_INVALID_CLOCK'], [{ now: 0, nonce: 1 }, 'ERR_INVALID_NONCE'],
      [{ now: NaN, nonce: 0 }, 'ERR_INVALID_CLOCK'], [{ now: '0', nonce: 0 }, 'ERR_INVALID_CLOCK'],
      [{ now: 8.64e15 + 1, nonce: 0 }, 'ERR_INVALID_CLOCK'], [{ now: 0, nonce: -0.5 }, 'ERR_INVALID_NONCE'],
    ];
    for (const [fixed, code] of cases) throwsCode(() => generateTokenAt(fixed, KEY, SECRET, SESSION), code, { TokenError });
  });

  test('TokenError is a real Error with a read-only code', () => {
    const err = throwsCode(() => generateToken(KEY, SECRET, SESSION, { role: 'x' }), 'ERR_INVALID_ROLE', { TokenError });
    assert(err instanceof Error, 'instanceof Error');
    equal(err.name, 'TokenError');
    try {
      err.code = 'ERR_OTHER';
    } catch {
      // strict-mode assignment to a read-only property throws; either way it must not change
    }
    equal(err.code, 'ERR_INVALID_ROLE');
  });

  test('TokenGenerator: apiKey, free, dispose, use after free', () => {
    const generator = new TokenGenerator(123456, SECRET);
    equal(generator.apiKey, KEY);
    equal(decodeJwtPayload(generator.generateToken(SESSION)).iss, KEY);
    generator.free();
    throwsCode(() => generator.generateToken(SESSION), 'ERR_GENERATOR_FREED', { TokenError });
    generator.free(); // idempotent
    throwsCode(() => new TokenGenerator('abc', SECRET), 'ERR_INVALID_API_KEY', { TokenError });
    throwsCode(() => new TokenGenerator(KEY, ''), 'ERR_INVALID_API_SECRET', { TokenError });
    if (typeof Symbol.dispose === 'symbol') {
      const disposable = new TokenGenerator(KEY, SECRET);
      disposable[Symbol.dispose]();
      throwsCode(() => disposable.generateToken(SESSION), 'ERR_GENERATOR_FREED', { TokenError });
    }
  });

  test('a generator freed by an options getter, or a detached method: ERR_GENERATOR_FREED, never a TypeError', () => {
    const generator = new TokenGenerator(KEY, SECRET);
    const freeing = { get role() { generator.free(); return 'publisher'; } };
    throwsCode(() => generator.generateToken(SESSION, freeing), 'ERR_GENERATOR_FREED', { TokenError });
    const other = new TokenGenerator(KEY, SECRET);
    const { generateToken: detached } = other;
    throwsCode(() => detached(SESSION), 'ERR_GENERATOR_FREED', { TokenError });
    equal(decodeJwtPayload(detached.call(other, SESSION)).iss, KEY, 'bound to its generator, the method works');
    other.free();
  });

  test('one order of checks whatever the key\'s type: names and types before values', () => {
    for (const apiKey of ['12a', 12.5, -1, '']) {
      throwsCode(() => generateToken(apiKey, SECRET, SESSION, { role: 'admin' }), 'ERR_INVALID_ROLE', { TokenError });
      throwsCode(() => generateToken(apiKey, SECRET, SESSION), 'ERR_INVALID_API_KEY', { TokenError });
    }
  });

  test('a clock before 1970 (fake timers): ERR_INVALID_CLOCK naming the clock', () => {
    const realNow = Date.now;
    try {
      Date.now = () => -5000;
    } catch {
      return 'skip: Date.now is not writable here';
    }
    try {
      if (Date.now() !== -5000) return 'skip: Date.now is not writable here';
      const err = throwsCode(() => generateToken(KEY, SECRET, SESSION), 'ERR_INVALID_CLOCK', { TokenError });
      assert(/Date\.now\(\)/.test(err.message), 'the message names Date.now()');
    } finally {
      Date.now = realNow;
    }
    valid();
  });

  test('thousands of tokens from one instance, generators created and freed', () => {
    for (let i = 0; i < 5000; i++) {
      const generator = new TokenGenerator(KEY, SECRET);
      generator.generateToken(SESSION, { data: `user-${i}` });
      generator.free();
    }
    valid();
  });

  test('without crypto.getRandomValues: ERR_NO_RANDOMNESS, then works again', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    if (!descriptor || !descriptor.configurable) return 'skip: globalThis.crypto is not configurable here';
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true });
    try {
      throwsCode(() => generateToken(KEY, SECRET, SESSION), 'ERR_NO_RANDOMNESS', { TokenError });
      // A fixed nonce needs no randomness.
      generateTokenAt({ now: 1700000000000, nonce: 0.5 }, KEY, SECRET, SESSION);
    } finally {
      Object.defineProperty(globalThis, 'crypto', descriptor);
    }
    valid();
    return undefined;
  });

  if (vonage && verify) fullCases({ api, vonage, verify, keys }, test);
  return cases;
}

/** Runs the cases in order (awaiting the asynchronous ones); returns { passed, failed, skipped, failures }. */
export async function runAll(cases) {
  const result = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const [name, fn] of cases) {
    try {
      const outcome = await fn();
      if (typeof outcome === 'string' && outcome.startsWith('skip')) {
        result.skipped++;
        result.failures.push(`SKIP ${name}: ${outcome}`);
      } else {
        result.passed++;
      }
    } catch (err) {
      result.failed++;
      result.failures.push(`FAIL ${name}: ${err && err.stack ? err.stack : err}`);
    }
  }
  return result;
}
