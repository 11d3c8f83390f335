// Seeded input generation and clock/Math.random pinning for the opentok conformance test.

// mulberry32: small, seedable, good enough to draw test inputs.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RealDate = Date;
const realRandom = Math.random;

/** Runs fn with `new Date()` / `Date.now()` fixed to nowMs and Math.random() to nonce. */
export function pinned(nowMs, nonce, fn) {
  class PinnedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(nowMs);
      else super(...args);
    }
    static now() {
      return new RealDate(nowMs).getTime();
    }
  }
  globalThis.Date = PinnedDate;
  Math.random = () => nonce;
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
    Math.random = realRandom;
  }
}

export function makeInputs(random) {
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[int(0, list.length - 1)];
  const chance = (p) => random() < p;
  const charPools = [
    'abcdefghijklmnopqrstuvwxyz0123456789',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ -_.!~*\'()',
    '"\\/&=:;?#%+@,[]{}<>|^`$',
    '\u0000\u0001\u0008\u0009\u000a\u000b\u000c\u000d\u001f\u007f\u0080\u009f',
    'éüßñçøå€£¥—…‘’“”\u00a0\u2028\u2029\ufeff\ufffd',
    '中文日本語한국어עבריתالعربية',
  ];
  const astral = ['😀', '🎥', '𝄞', '👩‍💻', '🇫🇷'];
  const text = (maxUnits) => {
    let s = '';
    const target = int(0, maxUnits);
    while (s.length < target) {
      const next = chance(0.1) ? pick(astral) : pick(pick(charPools));
      if (s.length + next.length > target) break;
      s += next;
    }
    return s;
  };
  const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('');
  const base64url = (s) => Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  return () => {
    const apiKeyString = chance(0.1) ? `0${digits(int(0, 8))}` : String(int(1, 9)) + digits(int(0, 14));
    const apiKey = chance(0.3) && Number.isSafeInteger(Number(apiKeyString)) && !apiKeyString.startsWith('0')
      ? Number(apiKeyString) : apiKeyString;
    const apiSecret = pick([
      () => Array.from({ length: 40 }, () => '0123456789abcdef'[int(0, 15)]).join(''),
      () => text(64) || 's',
      () => `é${text(20)}😀`,
      () => 'x'.repeat(int(1, 200)),
      () => `lone\uD800surrogate${text(8)}`,
    ])();
    const fields = chance(0.5)
      ? ['1', apiKeyString, pick(['', '127.0.0.1', '12.34.56.78']), String(int(1.3e12, 1.9e12)), base64url(text(18)).slice(0, 24), pick(['', 'A', 'P']), '']
      : ['1', apiKeyString, '', 'Sat Mar 15 14:42:23 PDT 2014', String(random()).slice(0, 10), ''];
    const prefix = chance(0.9) ? pick(['1_', '2_']) : pick(['é_', '"\\', '😀', 'T1']);
    const sessionId = prefix + base64url(fields.join('~'));

    const seconds = int(1.0e9, 2.0e9);
    const nowMs = pick([
      () => seconds * 1000 + pick([0, 1, 499, 500, 501, 998, 999]),
      () => seconds * 1000 + int(0, 999),
      () => seconds * 1000 + 499.9,
      () => int(0, 2000),
    ])();
    const createTime = Math.round(Math.trunc(nowMs) / 1000);
    const nonce = pick([
      () => random(),
      () => Math.floor(random() * 2 ** 53) / 2 ** 53,
      () => pick([0, 1e-7, 1.5e-7, 9.999999999999999e-8, 1e-6, 5e-324, 2 ** -53, 0.1, 0.5, 1 - 2 ** -53]),
      () => random() * 1e-6,
    ])();

    const options = {};
    if (chance(0.6)) options.role = pick(['publisher', 'subscriber', 'moderator', 'publisheronly']);
    if (chance(0.6)) {
      options.expireTime = pick([
        () => createTime,
        () => createTime + int(0, 2592000),
        () => createTime + 2592000,
        () => createTime + int(0, 2592000) + pick([0.5, 0.49, 0.51, 0.25, -0.5]),
        () => createTime - 0.5,
      ])();
    }
    if (chance(0.6)) options.data = pick([() => text(1000), () => text(40), () => '', () => '{"name":"Jo é ~*!\'()"} a+b/c'])();
    if (chance(0.6)) {
      options.initialLayoutClassList = pick([
        () => Array.from({ length: int(0, 6) }, () => text(12)),
        () => text(100),
        () => [],
        () => ['focus', 'main'],
      ])();
    }
    return { apiKey, apiSecret, sessionId, nowMs, nonce, options };
  };
}

