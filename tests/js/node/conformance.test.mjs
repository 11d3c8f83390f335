// Conformance against the real opentok@2.23.2: generated inputs, the clock and Math.random()
// pinned to the same values on both sides, byte-for-byte comparison of every token.
// The seed changes every run (printed); set CONFORMANCE_SEED to replay one, CONFORMANCE_CASES for more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { packageEntry } from './package-path.mjs';
import { rng, pinned, makeInputs } from './inputs.mjs';

const require = createRequire(import.meta.url);
const OpenTok = require('opentok');
const { generateTokenAt, generatorTokenAt } = require(packageEntry('./testing', 'require'));
const { TokenGenerator } = require(packageEntry('.', 'require'));

const CASES_PER_FORMAT = Number(process.env.CONFORMANCE_CASES ?? 2500);
// A run that compares nothing proves nothing.
if (!(Number.isInteger(CASES_PER_FORMAT) && CASES_PER_FORMAT >= 100)) throw new Error(`CONFORMANCE_CASES must be a whole number of at least 100, got ${process.env.CONFORMANCE_CASES}`);
const SEED = Number(process.env.CONFORMANCE_SEED ?? Math.floor(Math.random() * 2 ** 32));

function opentokToken(input, t1) {
  const client = new OpenTok(input.apiKey, input.apiSecret);
  const options = { ...input.options };
  if (Array.isArray(options.initialLayoutClassList)) options.initialLayoutClassList = [...options.initialLayoutClassList];
  return pinned(input.nowMs, input.nonce, () => client.generateToken(input.sessionId, options, t1));
}

for (const tokenType of ['JWT', 'T1']) {
  test(`${CASES_PER_FORMAT} generated ${tokenType} tokens are byte-identical to opentok@2.23.2 (seed ${SEED})`, () => {
    const next = makeInputs(rng(SEED + (tokenType === 'T1' ? 1 : 0)));
    let compared = 0;
    for (let i = 0; i < CASES_PER_FORMAT; i++) {
      const input = next();
      let expected;
      try {
        expected = opentokToken(input, tokenType === "T1");
      } catch (err) {
        throw new Error(`case ${i} (seed ${SEED}): opentok threw ${err.message} for ${JSON.stringify(input)}`);
      }
      const fixed = { now: input.nowMs, nonce: input.nonce };
      const options = tokenType === 'T1' ? { ...input.options, tokenType } : input.options;
      const actual = generateTokenAt(fixed, input.apiKey, input.apiSecret, input.sessionId, options);
      if (actual !== expected) {
        throw new Error(`case ${i} (seed ${SEED}) differs:\ninput ${JSON.stringify(input)}\nexpected ${expected}\nactual   ${actual}`);
      }
      if (i % 10 === 0) {
        const generator = new TokenGenerator(input.apiKey, input.apiSecret);
        const fromGenerator = generatorTokenAt(generator, fixed, input.sessionId, options);
        generator.free();
        if (fromGenerator !== expected) throw new Error(`case ${i} (seed ${SEED}): TokenGenerator differs`);
      }
      compared++;
    }
    if (compared !== CASES_PER_FORMAT) throw new Error('not every case ran');
    console.log(`# conformance ${tokenType}: ${compared} cases identical (seed ${SEED})`);
  });
}

test('the literal vectors agree with opentok@2.23.2 itself', async () => {
  const { readFileSync } = await import('node:fs');
  const vectors = JSON.parse(readFileSync(new URL('../../vectors/tokens.json', import.meta.url), 'utf8'));
  assert.ok(vectors.tokens.length >= 4, `only ${vectors.tokens.length} vectors`);
  for (const v of vectors.tokens) {
    const { tokenType, ...options } = v.options;
    const expected = opentokToken({ ...v, nowMs: v.now, options }, tokenType === 'T1');
    if (expected !== v.token) throw new Error(`${v.name}: opentok now gives ${expected}`);
  }
});
