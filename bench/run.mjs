// `npm run bench`: builds, then measures every contender in Node (each alone in its own process,
// processes alternating over rounds), the workerd implementations (wrangler dev, measured from
// outside), cold start and memory, and writes BENCHMARKS.md with the machine, date, versions,
// per-contender times and the ratios measured in this one run.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { coldStart } from './cold-start.mjs';
import { CONTENDERS } from './contenders.mjs';
import { benchNode } from './node.mjs';
import { ROOM_WORKERS, benchRooms } from './room-load.mjs';
import { WORKERD_IMPLEMENTATIONS, benchWorkerd } from './workerd.mjs';

const root = new URL('../', import.meta.url);
const node = (args, opts = {}) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, ...opts });

node(['scripts/build.mjs'], { stdio: 'inherit' });
// The other Node lines, for the cold start on each (the same pinned builds the tests use).
execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', new URL('tests/node-versions/', root).pathname], { stdio: 'inherit' });

const version = (name) => JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, root), 'utf8')).version;
const tool = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim().split('\n')[0];
  } catch {
    return 'unknown';
  }
};

console.log(`Node: ${Object.keys(CONTENDERS).length} contenders, each alone in its own process…`);
const nodeRun = benchNode();
console.log('workerd…');
const workerd = await benchWorkerd();
console.log('the room server under load…');
const rooms = await benchRooms();
console.log('cold start…');
const cold = coldStart();
console.log('memory over 1,000,000 tokens…');
const memory = JSON.parse(node(['--input-type=module', '-e', `
  const { generateToken, TokenGenerator } = await import(${JSON.stringify(new URL('pkg/index.mjs', root).pathname)});
  const { wasmMemoryBytes } = await import(${JSON.stringify(new URL('pkg/testing.mjs', root).pathname)});
  const s = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4', k = '123456', x = 'secret';
  const g = new TokenGenerator(k, x);
  for (let i = 0; i < 20000; i++) { generateToken(k, x, s); g.generateToken(s, { tokenType: 'T1' }); }
  const before = wasmMemoryBytes();
  for (let i = 0; i < 500000; i++) { generateToken(k, x, s); g.generateToken(s, { data: 'user-' + i }); }
  console.log(JSON.stringify({ before, after: wasmMemoryBytes() }));`]).trim());

const sizeOf = (file) => {
  const wasm = readFileSync(new URL(`pkg/lib/${file}`, root));
  return { raw: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length };
};
const size = sizeOf('vonage_video_token_bg.wasm');
const sizeFull = sizeOf('vonage_video_token_full_bg.wasm');
const sizeVideo = sizeOf('vonage_video_token_video_bg.wasm');

const ns = nodeRun.ns;
const r = nodeRun.ratio;
const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} ms` : x >= 10_000 ? `${(x / 1000).toFixed(1)} µs` : x >= 1000 ? `${(x / 1000).toFixed(2)} µs` : `${x.toFixed(0)} ns`);
const times = (x) => `${x.toFixed(2)}×`;
const mark = (ok) => (ok ? 'met' : '**not met**');

const BASE = 'hand-written HS256, Math.random, options';
const rows = [];
const target = (what, measured, ok) => rows.push(`| ${what} | ${measured} | ${typeof ok === 'string' ? ok : mark(ok)} |`);

const oneShot = r('vvt generateToken JWT, options', BASE);
const oneShotPlain = r('vvt generateToken JWT', 'hand-written HS256, Math.random');
target('Node: one-shot JWT ≤ 1.0× hand-written node:crypto HS256 (Math.random nonce), with options', `${times(oneShot)} (${fmt(ns['vvt generateToken JWT, options'])} vs ${fmt(ns[BASE])})`, oneShot <= 1);
target('Node: the same without options', `${times(oneShotPlain)} (${fmt(ns['vvt generateToken JWT'])} vs ${fmt(ns['hand-written HS256, Math.random'])})`, oneShotPlain <= 1);
const csprng = r('vvt generateToken JWT, options', 'hand-written HS256, CSPRNG, options');
target('Node: ≤ 1.0× hand-written HS256 with a per-call CSPRNG nonce, with options', `${times(csprng)}`, csprng <= 1);
const generator = r('vvt TokenGenerator JWT, options', 'vvt generateToken JWT, options');
target('Node: `TokenGenerator` faster than the one-shot call', `${times(generator)} of the one-shot time (${fmt(ns['vvt TokenGenerator JWT, options'])})`, generator < 1);
const t1 = r('vvt generateToken T1, options', 'hand-written T1, Math.random, options');
const t1Generator = r('vvt TokenGenerator T1, options', 'hand-written T1, Math.random, options');
target('Node: T1 ≤ 1.0× hand-written node:crypto T1 (Math.random), with options', `one-shot ${times(t1)} (${fmt(ns['vvt generateToken T1, options'])} vs ${fmt(ns['hand-written T1, Math.random, options'])}); \`TokenGenerator\` ${times(t1Generator)}`, t1 <= 1 ? 'met' : t1Generator <= 1 ? 'met with `TokenGenerator` only' : '**not met**');
const opentok = r('opentok@2.23.2 JWT, options', 'vvt generateToken JWT, options');
target('Node: ≥ 100× faster than opentok@2.23.2, with options', `${opentok.toFixed(0)}× (${fmt(ns['opentok@2.23.2 JWT, options'])} vs ${fmt(ns['vvt generateToken JWT, options'])})`, opentok >= 100);
const rsNode = r('vvt ClientTokenGenerator RS256, options', 'hand-written WebCrypto RS256, cached CryptoKey, options');
target('Node: `ClientTokenGenerator` ≤ 1.2× hand-written WebCrypto RS256 (cached CryptoKey)', `${times(rsNode)} (${fmt(ns['vvt ClientTokenGenerator RS256, options'])} vs ${fmt(ns['hand-written WebCrypto RS256, cached CryptoKey, options'])})`, rsNode <= 1.2);
const vonage = r('@vonage/video generateClientToken, options', 'vvt ClientTokenGenerator RS256, options');
target('Node: `ClientTokenGenerator` ≥ 2.5× faster than @vonage/video `generateClientToken`', `${vonage.toFixed(2)}× (${fmt(ns['@vonage/video generateClientToken, options'])})`, vonage >= 2.5);
const wk = workerd.nsPerToken;
const wkOnce = workerd.ratio('generate-token', 'webcrypto');
const wkOptions = workerd.ratio('generate-token-options', 'webcrypto-options');
target('workerd: one-shot ≤ 0.5× hand-written WebCrypto HS256 (cached CryptoKey, CSPRNG nonce, native base64url)', `${times(wkOnce)} without options, ${times(wkOptions)} with options; \`TokenGenerator\` ${times(workerd.ratio('token-generator', 'webcrypto'))}`, wkOnce <= 0.5 && wkOptions <= 0.5);
const wkRandom = workerd.ratio('generate-token-options', 'webcrypto-options-math-random');
target('workerd: ≤ 0.5× the same with a Math.random nonce, with options', `${times(wkRandom)}`, wkRandom <= 0.5);
const wkBtoa = workerd.ratio('generate-token-options', 'webcrypto-options-btoa');
target('workerd, for comparison: against the same HS256 written with `btoa` instead of `Uint8Array#toBase64` (CSPRNG nonce, options)', `${times(wkBtoa)}`, wkBtoa <= 0.5 ? 'under 0.5×' : 'over 0.5×');
const wkRs = workerd.ratio('client-token-generator', 'webcrypto-rs256');
target('workerd: `ClientTokenGenerator` ≤ 1.2× hand-written WebCrypto RS256 (cached CryptoKey)', `${times(wkRs)} (${fmt(wk['client-token-generator'])} vs ${fmt(wk['webcrypto-rs256'])})`, wkRs <= 1.2);
const coldLines = Object.entries(cold);
const coldText = coldLines.map(([label, c]) => `${label}: ${times(c.ratio.import)} with \`import\`, ${times(c.ratio.require)} with \`require\` (${c.ms['vonage-video-token, import'].toFixed(1)} / ${c.ms['vonage-video-token, require'].toFixed(1)} ms against ${c.ms['hand-written node:crypto HS256, import'].toFixed(1)} / ${c.ms['hand-written node:crypto HS256, require'].toFixed(1)} ms)`).join('; ');
const coldMet = coldLines.filter(([, c]) => c.ratio.import <= 1.5 && c.ratio.require <= 1.5).map(([label]) => label);
target('Cold start: a fresh Node process that loads the package and mints its first token ≤ 1.5× a hand-written node:crypto HS256 doing the same (load node:crypto, mint one token), by `import` and by `require`', coldText,
  coldMet.length === coldLines.length ? 'met' : coldMet.length ? `met on ${coldMet.join(', ')} only` : '**not met**');
target('Size of the main module ≤ 32,000 B raw, ≤ 14,000 B gzip', `${size.raw} B raw, ${size.gzip} B gzip`, size.raw <= 32000 && size.gzip <= 14000);
target('Size of the second module (`vonage`, `verify`) ≤ 64,000 B raw, ≤ 28,000 B gzip', `${sizeFull.raw} B raw, ${sizeFull.gzip} B gzip`, sizeFull.raw <= 64000 && sizeFull.gzip <= 28000);
target('Size of the Video REST API module (`video`) ≤ 40,000 B raw, ≤ 18,000 B gzip', `${sizeVideo.raw} B raw, ${sizeVideo.gzip} B gzip`, sizeVideo.raw <= 40000 && sizeVideo.gzip <= 18000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const roomRate = (name) => median(rooms.runs[name].map((x) => x.tokensPerSecond));
const roomRatio = median(rooms.runs.package.map((x, i) => x.tokensPerSecond / rooms.runs['hand-written'][i].tokensPerSecond));
const roomErrors = Object.values(rooms.runs).flat().reduce((n, x) => n + x.errors, 0);
target(`Room server (workerd): \`GET /room/:name\` at concurrency ${rooms.concurrency} for ${rooms.seconds} s, at least the throughput of the same Worker minting with hand-written WebCrypto HS256, no errors`,
  `${times(roomRatio)} the hand-written Worker's tokens per second (${roomRate('package').toFixed(0)} vs ${roomRate('hand-written').toFixed(0)}), ${roomErrors} errors`, roomRatio >= 1 && roomErrors === 0 ? 'met' : roomErrors === 0 && roomRatio >= 0.95 ? 'within noise (0.95–1×), no errors' : '**not met**');
target('Memory: no growth over 1,000,000 calls after warm-up', `${memory.before} → ${memory.after} B`, memory.before === memory.after);

const date = new Date().toISOString().slice(0, 10);
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [];
lines.push('# Benchmarks', '');
lines.push(`Measured by \`npm run bench\` on ${date}: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux; Node ${process.version}, ${tool('rustc', ['--version'])}, ${tool('wasm-bindgen', ['--version'])}; peers opentok ${version('opentok')}, @vonage/video ${version('@vonage/video')}, jsonwebtoken ${version('jsonwebtoken')}, jose ${version('jose')}, @noble/hashes ${version('@noble/hashes')}, wrangler ${version('wrangler')} (workerd ${version('workerd')}).`);
lines.push('');
lines.push('How each number is measured:', '');
lines.push(`- **Node**: every contender runs alone in a fresh process, as an app runs it: its setup (a key, a generator, a client) once, outside the timing; about a second of warm-up; then ${process.env.BENCH_BATCHES ?? 25} batches of about 40 ms, the process reporting its median time per call. The processes alternate over ${nodeRun.rounds} rounds, the order rotating each round. A contender's time is the median over rounds; a **ratio** is the median of the per-round ratios, so both sides of a ratio ran seconds apart.`);
lines.push('- Every contender mints the same claims for the same session and options (role `moderator`, data, two layout classes) and reads the clock and draws a nonce per token. The **strongest hand-written baseline** is node:crypto `createHmac` with `JSON.stringify` and `Math.random()` for the nonce (what opentok itself does, and the fastest a user could write); the CSPRNG variants draw the nonce from `crypto.getRandomValues` per call, as this package does (from a pool).');
lines.push(`- **workerd**: \`wrangler dev --local\` serves bench/worker; each request mints ${workerd.n} tokens (50 for RS256) with one implementation inside the isolate, timed from outside (a Worker's clock does not advance during computation), minus an empty request; ${workerd.rounds} rounds, the order rotating; ratios are medians of per-round ratios. The hand-written WebCrypto code encodes base64url with the runtime's \`Uint8Array#toBase64\` (the strongest a Worker can write; workerd has it), and once with \`btoa\` for comparison.`);
lines.push(`- **Room server**: worker-example/ (the room server) served by \`wrangler dev --local\` against the REST API stand-in, alone; the room created once, ${3} s of warm-up, then ${rooms.concurrency} concurrent loops of \`GET /room/bench\` from the benchmark's Node process over loopback for ${rooms.seconds} s (every 50th token verified with jsonwebtoken; a status other than 200 or a token that does not verify is an error). The other Worker is the same code with its \`mintToken\` replaced by hand-written WebCrypto HS256 (bench/room/mint.js). ${rooms.rounds} rounds, the order alternating; a ratio is the median of per-round ratios. The load generator shares the machine's cores with workerd, equally for both.`);
lines.push(`- **Cold start**: a fresh \`node\` process per run, started from a script file as an app is, timing from before \`import\`/\`require\` of the package through its first token (performance.now in the process), beside a hand-written node:crypto HS256 timed from before loading node:crypto through its first token; the scripts alternate over ${process.env.COLD_RUNS ?? 21} rounds, the order rotating; times are medians, ratios medians of per-round ratios. On every Node line the tests install. The "a turn later" row is a server: the first token one event-loop turn after \`import\`, timing the load and the token but not the turn between them. Where the time goes: each part timed alone in fresh processes of its own, the parts before it done untimed.`);
lines.push('', 'The machine is shared and noisy: compare ratios within one run, not absolute times across runs. Because a ratio is the median of per-round ratios and a time the median of per-round times, a ratio can differ from the quotient of the two times shown beside it; bench/results.json has every round.', '');
lines.push('## Targets', '', '| target | measured | status |', '|---|---|---|', ...rows);
lines.push('', '## Node', '', `| contender | time per call | × ${BASE} |`, '|---|---|---|');
const groups = ['jwt', 't1', 'rs256', 'peer', 'read'];
for (const group of groups) {
  for (const [name, contender] of Object.entries(CONTENDERS)) {
    if (contender.group !== group) continue;
    lines.push(`| ${name}${contender.async ? ' (async)' : ''} | ${fmt(ns[name])} | ${times(r(name, BASE))} |`);
  }
}
lines.push('', '## workerd', '', '| implementation | per token | × hand-written WebCrypto HS256 |', '|---|---|---|');
for (const [impl, nsPerToken] of Object.entries(wk)) lines.push(`| ${WORKERD_IMPLEMENTATIONS[impl]} | ${fmt(nsPerToken)} | ${times(workerd.ratio(impl, 'webcrypto'))} |`);
lines.push('', `Worker start-up: wrangler dev answered ${workerd.readyMs} ms after spawn (most of it is wrangler itself).`);
lines.push('', `## Room server under load (workerd, concurrency ${rooms.concurrency}, ${rooms.seconds} s per run)`, '', '| Worker | round | tokens/s | p50 | p99 | requests | errors | workerd memory, start → end | session/create calls |', '|---|---|---|---|---|---|---|---|---|');
for (const [name, runs] of Object.entries(rooms.runs)) {
  runs.forEach((x, i) => lines.push(`| ${ROOM_WORKERS[name]} | ${i + 1} | ${x.tokensPerSecond.toFixed(0)} | ${x.p50.toFixed(1)} ms | ${x.p99.toFixed(1)} ms | ${x.requests} | ${x.errors} | ${(x.memoryStart / 2 ** 20).toFixed(0)} → ${(x.memoryEnd / 2 ** 20).toFixed(0)} MiB | ${x.sessionCreates} |`));
}
lines.push('', 'workerd\'s memory is the resident set of the workerd process wrangler dev runs (its whole runtime, not the isolate alone).');
for (const [label, c] of coldLines) {
  lines.push('', `## Cold start, ${label} (medians of fresh processes)`, '', '| | load through the first token |', '|---|---|');
  for (const [name, ms] of Object.entries(c.ms)) lines.push(`| ${name} | ${ms.toFixed(2)} ms |`);
  lines.push('', '| where the time goes | ms |', '|---|---|');
  for (const [name, ms] of Object.entries(c.parts)) lines.push(`| ${name.startsWith('  ') ? `&emsp;${name.trim()}` : name} | ${ms.toFixed(2)} |`);
}
lines.push('', readFileSync(new URL('bench/NOTES.md', root), 'utf8').trim(), '');
writeFileSync(new URL('BENCHMARKS.md', root), lines.join('\n'));
// The raw numbers behind the tables: every round's per-process medians, for anyone re-deriving a ratio.
writeFileSync(new URL('bench/results.json', root), `${JSON.stringify({ date, cpu, node: process.version, nodeRounds: nodeRun.perRound, workerd: { n: workerd.n, rounds: workerd.rounds, nsPerToken: wk }, cold, rooms, memory, size, sizeFull, sizeVideo }, null, 1)}\n`);
console.log(lines.join('\n'));
