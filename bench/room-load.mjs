// The room server under load: worker-example/ served by local workerd (wrangler dev), against the
// REST API stand-in; `GET /room/<name>` for an existing room at a fixed concurrency for a fixed
// time, from this process over loopback. Two Workers, the same but for how they mint: this
// package (`Video#generateClientToken`), and hand-written WebCrypto HS256 (bench/room/mint.js).
// Each is served alone; they alternate over rounds. Per run: tokens per second, latency p50 and
// p99, errors (a status other than 200, or a token that does not verify), and workerd's resident
// memory after warm-up and at the end.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startVideoApiStandIn } from '../scripts/video-api-stand-in.mjs';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const root = new URL('../', import.meta.url);
const work = new URL('target/bench-room/', root);
const wrangler = fileURLToPath(new URL('node_modules/.bin/wrangler', root));
const PROJECT = { apiKey: '123456', apiSecret: '1234567890abcdef1234567890abcdef1234567890' };
const CONCURRENCY = Number(process.env.BENCH_ROOM_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_ROOM_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROOM_ROUNDS ?? 2);
const PORT = Number(process.env.BENCH_ROOM_PORT ?? 8851);
const WARM_UP_SECONDS = 3;
// Every this many answers, one token is verified here (verifying all would load the client).
const VERIFY_EVERY = 50;

/** The two Workers: worker-example/ as it is, and with its minting hand-written. */
export const ROOM_WORKERS = {
  package: 'vonage-video-token (Video#generateClientToken)',
  'hand-written': 'hand-written WebCrypto HS256 (cached CryptoKey, CSPRNG nonce, toBase64)',
};

function prepare() {
  rmSync(work, { recursive: true, force: true });
  for (const name of Object.keys(ROOM_WORKERS)) {
    const dir = new URL(`${name}/`, work);
    mkdirSync(dir, { recursive: true });
    cpSync(new URL('worker-example/src/', root), new URL('src/', dir), { recursive: true });
    cpSync(new URL('worker-example/wrangler.toml', root), new URL('wrangler.toml', dir));
    writeFileSync(new URL('.dev.vars', dir), `API_KEY=${PROJECT.apiKey}\nAPI_SECRET=${PROJECT.apiSecret}\n`);
    mkdirSync(new URL('node_modules/', dir));
    symlinkSync(fileURLToPath(new URL('pkg/', root)), fileURLToPath(new URL('node_modules/vonage-video-token', dir)), 'dir');
    if (name === 'hand-written') cpSync(new URL('bench/room/mint.js', root), new URL('src/mint.js', dir));
  }
}

/** The workerd processes under PID (wrangler's), by walking /proc. */
function workerdPids(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(Number(entry), { parent, name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) });
    } catch {
      // gone
    }
  }
  const found = [];
  const walk = (p) => {
    for (const [child, info] of children) {
      if (info.parent !== p) continue;
      if (info.name === 'workerd') found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/** Resident memory of workerd under PID, in bytes (0 when it cannot be read). */
function workerdRss(pid) {
  let total = 0;
  for (const child of workerdPids(pid)) {
    const status = readFileSync(`/proc/${child}/status`, 'utf8');
    total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  }
  return total;
}

async function serve(name, standIn) {
  // The rooms' Durable Objects start empty in every run, as the stand-in does.
  const state = new URL(`state-${name}/`, work);
  rmSync(state, { recursive: true, force: true });
  const child = spawn(wrangler, ['dev', '--local', '--ip', '127.0.0.1', '--port', String(PORT), '--var', `VIDEO_API_URL:${standIn.url}`, '--persist-to', fileURLToPath(state)], {
    cwd: fileURLToPath(new URL(`${name}/`, work)), stdio: 'ignore', detached: true,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1' },
  });
  const started = Date.now();
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/nothing`);
      break;
    } catch {
      if (Date.now() - started > 120_000) throw new Error(`wrangler dev (${name}) did not start`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    pid: child.pid,
    stop: () => new Promise((resolve) => {
      child.once('exit', resolve);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        resolve();
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }, 5000).unref();
    }),
  };
}

/** CONCURRENCY loops of GET URL for SECONDS; latencies in ms, errors. */
async function load(url, seconds, sessionId) {
  const latencies = [];
  let errors = 0;
  let answered = 0;
  const firstErrors = [];
  const until = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const start = performance.now();
      try {
        const response = await fetch(url);
        const body = await response.json();
        latencies.push(performance.now() - start);
        answered++;
        if (response.status !== 200 || body.sessionId !== sessionId || typeof body.token !== 'string') throw new Error(`${response.status} ${JSON.stringify(body).slice(0, 200)}`);
        if (answered % VERIFY_EVERY === 0 && jwt.verify(body.token, PROJECT.apiSecret, { algorithms: ['HS256'] }).session_id !== sessionId) throw new Error('a token for another session');
      } catch (err) {
        errors++;
        if (firstErrors.length < 3) firstErrors.push(err.message);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return { latencies, errors, firstErrors };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** One run of one Worker: served alone, the room created, warmed up, then loaded. */
async function run(name) {
  const standIn = await startVideoApiStandIn({ project: PROJECT });
  const server = await serve(name, standIn);
  try {
    const url = `http://127.0.0.1:${PORT}/room/bench`;
    const first = await (await fetch(url)).json();
    if (typeof first.sessionId !== 'string') throw new Error(`GET /room/bench: ${JSON.stringify(first)}`);
    await load(url, WARM_UP_SECONDS, first.sessionId);
    const memoryStart = workerdRss(server.pid);
    const { latencies, errors, firstErrors } = await load(url, SECONDS, first.sessionId);
    const memoryEnd = workerdRss(server.pid);
    const sorted = latencies.sort((a, b) => a - b);
    return {
      tokensPerSecond: (latencies.length - errors) / SECONDS, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99),
      requests: latencies.length, errors, firstErrors, memoryStart, memoryEnd, sessionCreates: standIn.count('/session/create'),
    };
  } finally {
    await server.stop();
    await standIn.stop();
  }
}

/** Every round runs each Worker once, the order alternating. */
export async function benchRooms() {
  prepare();
  const names = Object.keys(ROOM_WORKERS);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length];
      console.log(`room server, round ${round + 1}: ${name}…`);
      runs[name].push(await run(name));
    }
  }
  return { concurrency: CONCURRENCY, seconds: SECONDS, rounds: ROUNDS, runs };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchRooms(), null, 1));
