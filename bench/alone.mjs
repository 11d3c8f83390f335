// Times one contender alone in this process, as an app runs it: warm up, then batches of calls;
// prints { name, ns } with the median nanoseconds per call over the batches.
import { CONTENDERS } from './contenders.mjs';

const name = process.argv[2];
const contender = CONTENDERS[name];
if (!contender) throw new Error(`unknown contender ${name}`);
const fn = await contender.make();
const BATCHES = Number(process.env.BENCH_BATCHES ?? 25);
const BATCH_MS = Number(process.env.BENCH_BATCH_MS ?? 40);

let sink = 0;
async function batch(calls) {
  const start = process.hrtime.bigint();
  if (contender.async) {
    for (let i = 0; i < calls; i++) sink += (await fn()).length;
  } else {
    for (let i = 0; i < calls; i++) sink += fn().length;
  }
  return Number(process.hrtime.bigint() - start) / calls;
}

// Size the batches to about BATCH_MS each, warming up meanwhile (for about a second).
let calls = 100;
const warmUntil = Date.now() + 1000;
while (Date.now() < warmUntil) {
  const ns = await batch(calls);
  calls = Math.max(10, Math.round((BATCH_MS * 1e6) / ns));
}
const samples = [];
for (let i = 0; i < BATCHES; i++) samples.push(await batch(calls));
samples.sort((a, b) => a - b);
console.log(JSON.stringify({ name, ns: samples[samples.length >> 1], calls, sink: sink > 0 }));
