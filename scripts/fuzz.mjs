// `npm run fuzz`: the long runs. The JS↔wasm property suite at PROPERTY_RUNS times its npm-test
// size (default 10: about 2,000,000 calls), then each cargo-fuzz target for FUZZ_SECONDS
// (default 300) on nightly. cargo-fuzz is installed when missing.
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url);
const run = (cmd, args, env = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
};

run('node', ['scripts/build.mjs']);
run('node', ['--test', 'tests/js/node/properties.test.mjs'], { PROPERTY_RUNS: process.env.PROPERTY_RUNS ?? '10' });

try {
  execFileSync('cargo', ['fuzz', '--version'], { stdio: 'ignore' });
} catch {
  run('cargo', ['install', 'cargo-fuzz']);
}
const seconds = process.env.FUZZ_SECONDS ?? '300';
for (const target of ['mint', 'session_id', 'decode']) {
  run('cargo', ['+nightly', 'fuzz', 'run', '--fuzz-dir', 'fuzz', target, '--', `-max_total_time=${seconds}`, '-print_final_stats=1']);
}
