// Cold start in Node: a fresh process imports the package, instantiates the module and mints one
// token. Reports the in-process time (performance.now around import + first token) and the
// whole-process time against an empty process, medians over RUNS runs. Also a server's case: the
// first token one event-loop turn after loading.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.COLD_RUNS ?? 21);
const pkg = fileURLToPath(new URL('../pkg/node.mjs', import.meta.url));
const pkgCjs = fileURLToPath(new URL('../pkg/node.cjs', import.meta.url));
const opentok = fileURLToPath(new URL('../node_modules/opentok/lib/opentok.js', import.meta.url));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Each script runs from a file, as an app's entry does (`node -e` sets up the ESM loader on the
// first import, which costs milliseconds an app does not pay).
const dir = mkdtempSync(join(tmpdir(), 'vvt-cold-'));

function timed(script) {
  const file = join(dir, 'main.mjs');
  writeFileSync(file, script);
  const start = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [file], { encoding: 'utf8' });
  return { wallMs: Number(process.hrtime.bigint() - start) / 1e6, inProcessMs: Number(out.trim() || 0) };
}

const SESSION = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
const scripts = {
  empty: 'console.log(0)',
  'vonage-video-token': `const t0 = performance.now(); const m = await import(${JSON.stringify(pkg)}); m.generateToken('123456', 'secret', '${SESSION}'); console.log(performance.now() - t0);`,
  // A server: the package loads at start-up, the first request comes at least one event-loop turn
  // later. Timed: the load, and the first token; not the turn between them.
  'vonage-video-token (import; first token a turn later)': `const t0 = performance.now(); const m = await import(${JSON.stringify(pkg)}); const t1 = performance.now(); await new Promise((r) => setImmediate(r)); const t2 = performance.now(); m.generateToken('123456', 'secret', '${SESSION}'); console.log(t1 - t0 + performance.now() - t2);`,
  'vonage-video-token (require)': `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); const t0 = performance.now(); const m = require(${JSON.stringify(pkgCjs)}); m.generateToken('123456', 'secret', '${SESSION}'); console.log(performance.now() - t0);`,
  'opentok@2.23.2': `import { createRequire } from 'node:module'; const t0 = performance.now(); const OpenTok = createRequire(import.meta.url)(${JSON.stringify(opentok)}); new OpenTok('123456', 'secret').generateToken('${SESSION}'); console.log(performance.now() - t0);`,
};

export function coldStart() {
  const results = {};
  try {
    for (const [name, script] of Object.entries(scripts)) {
      const runs = Array.from({ length: RUNS }, () => timed(script));
      results[name] = { wallMs: median(runs.map((r) => r.wallMs)), inProcessMs: median(runs.map((r) => r.inProcessMs)) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(coldStart(), null, 2));
