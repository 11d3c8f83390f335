// Cold start in Node: a fresh process loads the package and mints its first token, side by side
// with a hand-written node:crypto HS256 doing the same (load node:crypto, mint one token with the
// same claims). Each script runs from a file, as an app's entry does (`node -e` sets up the ESM
// loader on the first import, which costs milliseconds an app does not pay), and times itself
// with performance.now from before the load to after the first token. The contenders alternate
// over RUNS rounds, the order rotating; a time is a median over rounds, a ratio the median of the
// per-round ratios. Run on every Node line installed for the tests (tests/node-versions).
// Also: where the package's milliseconds go (each part timed in fresh processes of its own), and a
// server's case, the first token one event-loop turn after loading.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.COLD_RUNS ?? 21);
const at = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const pkg = at('pkg/index.mjs');
const pkgCjs = at('pkg/index.cjs');
const opentok = at('node_modules/opentok/lib/opentok.js');
const SESSION = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// What the hand-written contender mints: opentok's claims, HS256 with node:crypto.
const HAND_WRITTEN = `
const ms = Date.now(); const now = Math.round(ms / 1000);
const claims = { iss: '123456', ist: 'project', iat: Math.floor(ms / 1000), exp: now + 86400, session_id: '${SESSION}', create_time: now, nonce: Math.random(), role: 'publisher', expire_time: now + 86400, initial_layout_class_list: '', scope: 'session.connect' };
const input = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url') + '.' + Buffer.from(JSON.stringify(claims)).toString('base64url');
const token = input + '.' + createHmac('sha256', 'secret').update(input).digest('base64url');`;
const mint = `m.generateToken('123456', 'secret', '${SESSION}');`;

/** name → [file name, script]; each script prints its milliseconds. */
export const COLD_SCRIPTS = {
  'vonage-video-token, import': ['vvt.mjs', `const t0 = performance.now(); const m = await import(${JSON.stringify(pkg)}); ${mint} console.log(performance.now() - t0);`],
  'vonage-video-token, require': ['vvt.cjs', `const t0 = performance.now(); const m = require(${JSON.stringify(pkgCjs)}); ${mint} console.log(performance.now() - t0);`],
  'hand-written node:crypto HS256, import': ['hand.mjs', `const t0 = performance.now(); const { createHmac } = await import('node:crypto'); ${HAND_WRITTEN} console.log(performance.now() - t0);`],
  'hand-written node:crypto HS256, require': ['hand.cjs', `const t0 = performance.now(); const { createHmac } = require('node:crypto'); ${HAND_WRITTEN} console.log(performance.now() - t0);`],
  // A server: the package loads at start-up, the first request comes at least one event-loop turn
  // later (when the warm-up has run). Timed: the load, and the first token; not the turn between.
  'vonage-video-token, import, first token a turn later': ['server.mjs', `const t0 = performance.now(); const m = await import(${JSON.stringify(pkg)}); const t1 = performance.now(); await new Promise((r) => setImmediate(r)); const t2 = performance.now(); ${mint} console.log(t1 - t0 + performance.now() - t2);`],
  'opentok@2.23.2, require': ['opentok.cjs', `const t0 = performance.now(); const OpenTok = require(${JSON.stringify(opentok)}); new OpenTok('123456', 'secret').generateToken('${SESSION}'); console.log(performance.now() - t0);`],
};

// Where the package's cold start goes, each part alone in a fresh process (the earlier parts done
// first, untimed, so that each line is that part's own cost).
const wasmBytes = `const { readFileSync } = require('node:fs'); const bytes = readFileSync(${JSON.stringify(at('pkg/lib/vonage_video_token_bg.wasm'))});`;
export const PARTS = {
  'read and evaluate index.mjs (compile and instantiate included)': `const t0 = performance.now(); await import(${JSON.stringify(pkg)}); console.log(performance.now() - t0);`,
  '  of which: compile the WebAssembly module (30 KB)': `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); ${wasmBytes} const t0 = performance.now(); new WebAssembly.Module(bytes); console.log(performance.now() - t0);`,
  '  of which: instantiate it': `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); ${wasmBytes} const mod = new WebAssembly.Module(bytes); const imports = Object.fromEntries(WebAssembly.Module.imports(mod).map(({ module }) => [module, new Proxy({}, { get: () => () => {} })])); const t0 = performance.now(); new WebAssembly.Instance(mod, imports); console.log(performance.now() - t0);`,
  'the first crypto.getRandomValues (Node loads its WebCrypto)': 'const t0 = performance.now(); crypto.getRandomValues(new Uint8Array(8192)); console.log(performance.now() - t0);',
  'the first token, randomness already loaded (first calls: JavaScript and WebAssembly compiled lazily)': `const m = await import(${JSON.stringify(pkg)}); crypto.getRandomValues(new Uint8Array(8)); const t0 = performance.now(); ${mint} console.log(performance.now() - t0);`,
  'a later token': `const m = await import(${JSON.stringify(pkg)}); ${mint} const t0 = performance.now(); ${mint} console.log(performance.now() - t0);`,
  'hand-written: load node:crypto': "const t0 = performance.now(); await import('node:crypto'); console.log(performance.now() - t0);",
  'hand-written: the first token once node:crypto is loaded': `const { createHmac } = await import('node:crypto'); const t0 = performance.now(); ${HAND_WRITTEN} console.log(performance.now() - t0);`,
};

/** The Node binaries to measure: this one, and the other lines the tests install. */
export function nodeLines() {
  const lines = [[`Node ${process.versions.node}`, process.execPath]];
  for (const line of ['22', '24']) {
    const bin = at(`tests/node-versions/node_modules/node${line}/bin/node`);
    if (existsSync(bin)) lines.push([`Node ${execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim().slice(1)}`, bin]);
  }
  return lines;
}

/** Runs each script RUNS times with `node`, alternating; { name: [ms per round] }. */
function rounds(node, dir, scripts) {
  const names = Object.keys(scripts);
  const files = Object.fromEntries(names.map((name, i) => {
    const [file, script] = Array.isArray(scripts[name]) ? scripts[name] : [`part${i}.mjs`, scripts[name]];
    const path = join(dir, file);
    writeFileSync(path, script);
    return [name, path];
  }));
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < RUNS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      times[name].push(Number(execFileSync(node, [files[name]], { cwd: dir, encoding: 'utf8' }).trim().split('\n').at(-1)));
    }
  }
  return times;
}

export function coldStart() {
  const dir = mkdtempSync(join(tmpdir(), 'vvt-cold-'));
  const results = {};
  try {
    for (const [label, node] of nodeLines()) {
      const times = rounds(node, dir, COLD_SCRIPTS);
      const ratio = (a, b) => median(times[a].map((x, i) => x / times[b][i]));
      const parts = rounds(node, dir, PARTS);
      results[label] = {
        ms: Object.fromEntries(Object.entries(times).map(([name, xs]) => [name, median(xs)])),
        ratio: {
          import: ratio('vonage-video-token, import', 'hand-written node:crypto HS256, import'),
          require: ratio('vonage-video-token, require', 'hand-written node:crypto HS256, require'),
        },
        parts: Object.fromEntries(Object.entries(parts).map(([name, xs]) => [name, median(xs)])),
        rounds: times,
      };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = coldStart();
  for (const [label, r] of Object.entries(results)) {
    console.log(`\n${label}: import ${r.ratio.import.toFixed(2)}×, require ${r.ratio.require.toFixed(2)}× the hand-written HS256`);
    for (const [name, ms] of Object.entries(r.ms)) console.log(`  ${ms.toFixed(2).padStart(7)} ms  ${name}`);
    for (const [name, ms] of Object.entries(r.parts)) console.log(`  ${ms.toFixed(2).padStart(7)} ms  part: ${name}`);
  }
}
