// workerd benchmark: serve bench/worker with wrangler dev, time requests that mint N tokens with
// each implementation from outside the isolate, subtract a no-op request, divide by N.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PORT = Number(process.env.BENCH_PORT ?? 8831);
const N = Number(process.env.BENCH_WORKERD_N ?? 2000);
const ROUNDS = Number(process.env.BENCH_WORKERD_ROUNDS ?? 15);
const wrangler = fileURLToPath(new URL('../node_modules/.bin/wrangler', import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(path) {
  const start = process.hrtime.bigint();
  const response = await fetch(`http://127.0.0.1:${PORT}/${path}`);
  await response.text();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return Number(process.hrtime.bigint() - start);
}

export async function benchWorkerd() {
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
    const impls = ['generate-token', 'token-generator', 't1', 'webcrypto'];
    for (const impl of impls) await time(`${impl}?n=${N}`); // warm-up
    const noop = [];
    const samples = Object.fromEntries(impls.map((i) => [i, []]));
    for (let round = 0; round < ROUNDS; round++) {
      noop.push(await time(`noop?n=${N}`));
      for (const impl of impls) samples[impl].push(await time(`${impl}?n=${N}`));
    }
    const base = median(noop);
    const nsPerToken = Object.fromEntries(impls.map((i) => [i, (median(samples[i]) - base) / N]));
    return { readyMs, n: N, rounds: ROUNDS, nsPerToken };
  } finally {
    child.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchWorkerd(), null, 2));
