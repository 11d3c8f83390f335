// workerd benchmark: serve bench/worker with wrangler dev, time requests that mint N tokens with
// each implementation from outside the isolate, subtract a no-op request, divide by N.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PRIVATE_KEY } from './contenders.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 8831);
const N = Number(process.env.BENCH_WORKERD_N ?? 4000);
const ROUNDS = Number(process.env.BENCH_WORKERD_ROUNDS ?? 45);
const wrangler = fileURLToPath(new URL('../node_modules/.bin/wrangler', import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(path) {
  const start = process.hrtime.bigint();
  const response = await fetch(`http://127.0.0.1:${PORT}/${path}`);
  await response.text();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return Number(process.hrtime.bigint() - start);
}

/** Each implementation the worker serves (bench/worker/src/index.js), with its name in the tables. */
export const WORKERD_IMPLEMENTATIONS = {
  'generate-token': 'vvt generateToken JWT',
  'token-generator': 'vvt TokenGenerator JWT',
  t1: 'vvt generateToken T1',
  webcrypto: 'hand-written WebCrypto HS256, cached CryptoKey, CSPRNG (toBase64 here and below)',
  'generate-token-options': 'vvt generateToken JWT, options',
  'token-generator-options': 'vvt TokenGenerator JWT, options',
  'webcrypto-options': 'hand-written WebCrypto HS256, CSPRNG, options',
  'webcrypto-options-math-random': 'hand-written WebCrypto HS256, Math.random, options',
  'webcrypto-options-btoa': 'hand-written WebCrypto HS256 with btoa base64, CSPRNG, options',
  'client-token-generator': 'vvt ClientTokenGenerator RS256, options',
  'webcrypto-rs256': 'hand-written WebCrypto RS256, cached CryptoKey, options',
};
// RS256 signatures take about a millisecond: fewer per request.
const PER_REQUEST = { 'client-token-generator': 50, 'webcrypto-rs256': 50 };

export async function benchWorkerd() {
  writeFileSync(new URL('worker/src/key.generated.js', import.meta.url),
    `export const PRIVATE_KEY_PEM = ${JSON.stringify(PRIVATE_KEY)};\n`);
  const started = Date.now();
  const child = spawn(wrangler, ['dev', '--local', '--ip', '127.0.0.1', '--port', String(PORT)], {
    cwd: fileURLToPath(new URL('worker/', import.meta.url)), stdio: 'ignore',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  });
  try {
    for (;;) {
      try {
        await time('noop');
        break;
      } catch {
        if (Date.now() - started > 120_000) throw new Error('wrangler dev did not start');
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const readyMs = Date.now() - started;
    const impls = Object.keys(WORKERD_IMPLEMENTATIONS);
    const n = (impl) => PER_REQUEST[impl] ?? N;
    for (const impl of impls) await time(`${impl}?n=${n(impl)}`); // warm-up
    const noop = [];
    const samples = Object.fromEntries(impls.map((i) => [i, []]));
    for (let round = 0; round < ROUNDS; round++) {
      noop.push(await time('noop?n=1'));
      // The order rotates each round.
      for (let k = 0; k < impls.length; k++) {
        const impl = impls[(k + round) % impls.length];
        samples[impl].push(await time(`${impl}?n=${n(impl)}`));
      }
    }
    const base = median(noop);
    const nsPerToken = Object.fromEntries(impls.map((i) => [i, (median(samples[i]) - base) / n(i)]));
    // Ratios per round (same round, neighbouring requests), then their median.
    const ratio = (a, b) => median(samples[a].map((x, r) => ((x - noop[r]) / n(a)) / ((samples[b][r] - noop[r]) / n(b))));
    return { readyMs, n: N, rounds: ROUNDS, nsPerToken, ratio };
  } finally {
    child.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchWorkerd(), null, 2));
