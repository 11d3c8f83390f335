// `npm run bench`: builds, runs the Node (mitata), workerd and cold-start benchmarks, checks
// memory over 1,000,000 tokens, and writes BENCHMARKS.md with the machine, date, versions,
// ns/op and ratios measured in this one run.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { coldStart } from './cold-start.mjs';
import { benchWorkerd } from './workerd.mjs';

const root = new URL('../', import.meta.url);
const node = (args, opts = {}) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, ...opts });

node(['scripts/build.mjs'], { stdio: 'inherit' });

const version = (name) => JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, root), 'utf8')).version;
const tool = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim().split('\n')[0];
  } catch {
    return 'unknown';
  }
};

console.log('node benchmark (mitata)…');
const nodeResults = JSON.parse(node(['bench/node.mjs']).trim().split('\n').pop());
console.log('workerd benchmark…');
const workerd = await benchWorkerd();
console.log('cold start…');
const cold = coldStart();
console.log('memory over 1,000,000 tokens…');
const memory = node(['--input-type=module', '-e', `
  const { generateToken, TokenGenerator } = await import(${JSON.stringify(new URL('pkg/node.mjs', root).pathname)});
  const { wasmMemoryBytes } = await import(${JSON.stringify(new URL('pkg/testing.mjs', root).pathname)});
  const s = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4', k = '123456', x = 'secret';
  const g = new TokenGenerator(k, x);
  for (let i = 0; i < 20000; i++) { generateToken(k, x, s); g.generateToken(s, { tokenType: 'T1' }); }
  const before = wasmMemoryBytes();
  for (let i = 0; i < 500000; i++) { generateToken(k, x, s); g.generateToken(s, { data: 'user-' + i }); }
  console.log(JSON.stringify({ before, after: wasmMemoryBytes() }));`]).trim();
const { before: memBefore, after: memAfter } = JSON.parse(memory);

const wasm = readFileSync(new URL('pkg/lib/vonage_video_token_bg.wasm', root));
const size = { raw: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length };

const byName = Object.fromEntries(nodeResults.map((r) => [r.name, r]));
const p50 = (name) => byName[name].p50;
const baseline = p50('hand-written node:crypto HS256');
const opentokJwt = p50('opentok@2.23.2 generateToken (JWT)');
const fmt = (ns) => (ns >= 10_000 ? `${(ns / 1000).toFixed(1)} µs` : ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const ratio = (x) => `${x.toFixed(2)}×`;
const mark = (ok) => (ok ? 'met' : '**not met**');

const fn = p50('vonage-video-token generateToken (JWT)');
const gen = p50('vonage-video-token TokenGenerator (JWT)');
const t1 = p50('vonage-video-token generateToken (T1)');
const t1Generator = p50('vonage-video-token TokenGenerator (T1)');
const wk = workerd.nsPerToken;
const coldToken = Math.min(cold['vonage-video-token'].inProcessMs, cold['vonage-video-token (require)'].inProcessMs);

const date = new Date().toISOString().slice(0, 10);
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [];
lines.push('# Benchmarks', '');
lines.push(`Measured by \`npm run bench\` on ${date}: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux; Node ${process.version}, ${tool('rustc', ['--version'])}, ${tool('wasm-bindgen', ['--version'])}; peers opentok ${version('opentok')}, jsonwebtoken ${version('jsonwebtoken')}, jose ${version('jose')}, @noble/hashes ${version('@noble/hashes')}, wrangler ${version('wrangler')} (workerd ${version('workerd')}).`);
lines.push('', 'The machine is shared and noisy: compare the ratios within one run, not absolute numbers across runs. Every contender mints the same claim set as opentok\'s JWT (or T1), reads the clock and draws a CSPRNG nonce per token.', '');
lines.push('## Targets', '');
lines.push('| target | measured | status |', '|---|---|---|');
lines.push(`| Node: \`generateToken\` ≤ 1.0× hand-written node:crypto HS256 | ${ratio(fn / baseline)} (${fmt(fn)} vs ${fmt(baseline)}) | ${mark(fn <= baseline)} |`);
lines.push(`| Node: ≥ 100× faster than opentok@2.23.2 | ${(opentokJwt / fn).toFixed(0)}× (${fmt(opentokJwt)} vs ${fmt(fn)}) | ${mark(opentokJwt / fn >= 100)} |`);
lines.push(`| Node: \`TokenGenerator\` faster than \`generateToken\` | ${fmt(gen)} vs ${fmt(fn)} | ${mark(gen < fn)} |`);
lines.push(`| Node: T1 ≤ 4 µs/token | \`generateToken\` ${fmt(t1)}, \`TokenGenerator\` ${fmt(t1Generator)} | ${t1 <= 4000 ? 'met' : t1Generator <= 4000 ? 'met with `TokenGenerator` only' : '**not met**'} |`);
const wkOnce = wk['generate-token'] / wk.webcrypto;
const wkGenerator = wk['token-generator'] / wk.webcrypto;
lines.push(`| workerd: ≤ 0.5× hand-written WebCrypto HS256 (cached CryptoKey) | \`generateToken\` ${ratio(wkOnce)} (${fmt(wk['generate-token'])} vs ${fmt(wk.webcrypto)}); \`TokenGenerator\` ${ratio(wkGenerator)} | ${wkOnce <= 0.5 ? 'met' : wkGenerator <= 0.5 ? 'met with `TokenGenerator` only' : '**not met**'} |`);
lines.push(`| Cold start: first token ≤ 5 ms after an empty Node process | in-process (load + instantiate + first mint): ${cold['vonage-video-token (require)'].inProcessMs.toFixed(1)} ms with \`require\`, ${cold['vonage-video-token'].inProcessMs.toFixed(1)} ms with \`import\`; ${(cold['vonage-video-token'].wallMs - cold.empty.wallMs).toFixed(1)} ms more wall time than an empty process | ${mark(coldToken <= 5)} |`);
lines.push(`| Size ≤ 32 KB raw, ≤ 14 KB gzip | ${size.raw} B raw, ${size.gzip} B gzip | ${mark(size.raw <= 32000 && size.gzip <= 14000)} |`);
lines.push(`| Memory: no growth across 1,000,000 calls after warm-up | ${memBefore} → ${memAfter} B | ${mark(memBefore === memAfter)} |`);
lines.push('', '## Node', '', '| implementation | p50 | mean | × hand-written node:crypto | opentok ÷ this |', '|---|---|---|---|---|');
for (const r of nodeResults) {
  lines.push(`| ${r.name} | ${fmt(r.p50)} | ${fmt(r.avg)} | ${ratio(r.p50 / baseline)} | ${(opentokJwt / r.p50).toFixed(1)}× |`);
}
lines.push('', `## workerd (wrangler dev --local, ${workerd.n} tokens per request, median of ${workerd.rounds} requests minus a no-op request)`, '');
lines.push('| implementation | per token | × WebCrypto |', '|---|---|---|');
for (const [name, ns] of Object.entries(wk)) lines.push(`| ${name} | ${fmt(ns)} | ${ratio(ns / wk.webcrypto)} |`);
lines.push('', `Worker start-up: wrangler dev answered ${workerd.readyMs} ms after spawn (most of it is wrangler itself).`);
lines.push('', '## Cold start (Node, median of fresh processes)', '', '| | in-process: import + instantiate + first token | whole process |', '|---|---|---|');
for (const [name, r] of Object.entries(cold)) lines.push(`| ${name} | ${name === 'empty' ? '—' : `${r.inProcessMs.toFixed(1)} ms`} | ${r.wallMs.toFixed(1)} ms |`);
lines.push('', readFileSync(new URL('bench/NOTES.md', root), 'utf8').trim(), '');
writeFileSync(new URL('BENCHMARKS.md', root), lines.join('\n'));
console.log(lines.join('\n'));
