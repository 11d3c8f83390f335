// Node benchmark: every contender alone in its own process, processes alternating over ROUNDS
// rounds (the order rotates each round). Prints JSON for run.mjs: per contender the median of
// its per-process medians, and per pair the median of the per-round ratios.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CONTENDERS } from './contenders.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const alone = fileURLToPath(new URL('alone.mjs', import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export function benchNode(names = Object.keys(CONTENDERS), rounds = ROUNDS) {
  const perRound = [];
  for (let round = 0; round < rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    const result = {};
    for (const name of order) {
      const out = execFileSync(process.execPath, [alone, name], { encoding: 'utf8' });
      result[name] = JSON.parse(out.trim().split('\n').pop()).ns;
      process.stderr.write('.');
    }
    perRound.push(result);
  }
  process.stderr.write('\n');
  const ns = Object.fromEntries(names.map((name) => [name, median(perRound.map((r) => r[name]))]));
  const ratio = (a, b) => median(perRound.map((r) => r[a] / r[b]));
  return { rounds, ns, ratio, perRound };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(CONTENDERS);
  const { ns, perRound } = benchNode(names);
  console.log(JSON.stringify({ ns, perRound }, null, 1));
}
