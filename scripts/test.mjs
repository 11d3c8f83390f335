// `npm test`: installs what is missing, builds once, then runs every suite and prints one
// closing line with the totals. Steps: npm ci, build, Rust lints and tests, Node tests, packaging.
import { spawn } from 'node:child_process';
import { needsInstall } from './setup.mjs';

const root = new URL('..', import.meta.url);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

/** Runs a command, streaming its output, and returns { code, output }. */
function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const tee = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const counters = {
  cargo(output) {
    const c = { passed: 0, failed: 0, skipped: 0 };
    for (const m of output.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/g)) {
      c.passed += Number(m[1]);
      c.failed += Number(m[2]);
      c.skipped += Number(m[3]);
    }
    return c;
  },
  node(output) {
    const grab = (name) => [...output.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
    return { passed: grab('pass'), failed: grab('fail') + grab('cancelled'), skipped: grab('skipped') + grab('todo') };
  },
  plain(output) {
    const c = { passed: 0, failed: 0, skipped: 0 };
    for (const m of output.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)) {
      c.passed += Number(m[1]);
      c.failed += Number(m[2]);
      c.skipped += Number(m[3] ?? 0);
    }
    return c;
  },
};

async function step(name, cmd, args, { count, env } = {}) {
  const { code, output } = await run(cmd, args, env);
  if (count) {
    const c = counters[count](output);
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
    if (code !== 0 && c.failed === 0) totals.failed += 1;
  } else if (code !== 0) {
    totals.failed += 1;
  }
  if (code !== 0) failedSteps.push(name);
  return code === 0;
}

async function main() {
  if (needsInstall()) {
    if (!(await step('npm ci', 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']))) return;
  }
  if (!(await step('build', 'node', ['scripts/build.mjs']))) return;
  await step('cargo fmt --check', 'cargo', ['fmt', '--check']);
  await step('cargo clippy (native, all targets)', 'cargo', ['clippy', '--quiet', '--all-targets', '--', '-D', 'warnings']);
  await step('cargo clippy (wasm32 module)', 'cargo', ['clippy', '--quiet', '--target', 'wasm32-unknown-unknown', '--lib', '--no-default-features', '--', '-D', 'warnings']);
  await step('cargo doc', 'cargo', ['doc', '--quiet', '--no-deps'], { env: { RUSTDOCFLAGS: '-D warnings' } });
  await step('cargo test', 'cargo', ['test', '--quiet'], { count: 'cargo' });
  await step('node tests', 'node', ['--test', '--test-reporter=tap', 'tests/js/node/'], { count: 'node' });
  await step('fuzz smoke (cargo-fuzz)', 'node', ['scripts/fuzz-smoke.mjs'], { count: 'plain' });
  await step('packaging (every runtime, from the packed tarball)', 'node', ['tests/packaging/run.mjs'], { count: 'plain', env: { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' } });
}

await main();
console.log(`\nfailed steps: ${failedSteps.length ? failedSteps.join(', ') : 'none'}`);
console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = failedSteps.length === 0 && totals.failed === 0 && totals.passed > 0 ? 0 : 1;
