// A short cargo-fuzz run of each target inside `npm test` (the long runs are `npm run fuzz`).
// Fresh inputs go to a scratch directory so the committed seed corpus stays as it is.
// Needs nightly Rust and cargo-fuzz: installs whichever is missing. A toolchain that cannot be
// installed fails the step (it is never a skip: some defects only the fuzzer finds).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url);
const TARGETS = { mint: 30, session_id: 15, decode: 30 };
const quiet = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
};

if (!quiet('rustup', ['toolchain', 'list'])?.includes('nightly')) {
  console.log('$ rustup toolchain install nightly --profile minimal');
  const installed = spawnSync('rustup', ['toolchain', 'install', 'nightly', '--profile', 'minimal'], { stdio: 'inherit' });
  if (installed.status !== 0) {
    console.log(`fuzz: 0 passed, ${Object.keys(TARGETS).length} failed (FAIL: no nightly Rust toolchain for cargo-fuzz, and it could not be installed)`);
    process.exit(1);
  }
}
if (quiet('cargo', ['fuzz', '--version']) === null) {
  console.log('$ cargo install cargo-fuzz');
  execFileSync('cargo', ['install', 'cargo-fuzz'], { stdio: 'inherit' });
}
let passed = 0;
let failed = 0;
const scratch = mkdtempSync(join(tmpdir(), 'vvt-fuzz-'));
for (const [target, seconds] of Object.entries(TARGETS)) {
  const fresh = join(scratch, target);
  mkdirSync(fresh);
  const args = ['+nightly', 'fuzz', 'run', target, fresh, `fuzz/corpus/${target}`, '--', `-max_total_time=${seconds}`, '-print_final_stats=1'];
  console.log(`$ cargo ${args.join(' ')}`);
  const result = spawnSync('cargo', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status === 0) {
    const runs = /stat::number_of_executed_units:\s*(\d+)/.exec(output)?.[1] ?? '?';
    console.log(`  ${target}: ${runs} executions, no crash`);
    passed++;
  } else {
    failed++;
    console.log(`  ${target}: FAILED\n${output.split('\n').slice(-40).join('\n')}`);
  }
}
console.log(`fuzz: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
