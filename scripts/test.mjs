// `npm test`: installs what is missing, builds once, then runs every test group and prints one
// closing line with the totals. `node scripts/test.mjs <group>…` (or `npm run test:<group>`)
// runs only the groups named; groups that need the built package build it first.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { needsInstall } from './setup.mjs';

const root = new URL('..', import.meta.url);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
const QUIET_WRANGLER = { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

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
  // A plain step ends with its closing total ("<name>: N passed, M failed[, K skipped]"): only that
  // line counts, not the per-runtime lines before it.
  plain(output) {
    const m = [...output.matchAll(/^(?:[\w-]+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/gm)].at(-1);
    return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3] ?? 0) } : { passed: 0, failed: 0, skipped: 0 };
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

const WASM = ['--target', 'wasm32-unknown-unknown', '-p', 'vonage-video-token-wasm'];
const NODE_TESTS = readdirSync(new URL('tests/js/node/', root)).filter((f) => f.endsWith('.test.mjs')).map((f) => `tests/js/node/${f}`);
const NODE_VERSIONS = fileURLToPath(new URL('tests/node-versions/', root));

/** The Node suites again on each other supported line (official builds pinned in tests/node-versions). */
async function otherNodeLines() {
  if (!(await step('install Node 22 and 24', 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', NODE_VERSIONS]))) return;
  for (const line of ['22', '24']) {
    await step(`node tests on Node ${line}`, `${NODE_VERSIONS}node_modules/node${line}/bin/node`, ['--test', '--test-reporter=tap', ...NODE_TESTS], { count: 'node' });
  }
}

/** The test groups, in the order `npm test` runs them; `build` says whether a group needs pkg/. */
const GROUPS = {
  rust: {
    build: false,
    steps: async () => {
      await step('cargo fmt --check', 'cargo', ['fmt', '--all', '--check']);
      await step('cargo clippy (crate, all targets, serde)', 'cargo', ['clippy', '--quiet', '--all-targets', '--features', 'serde', '--', '-D', 'warnings']);
      await step('cargo clippy (crate, no_std)', 'cargo', ['clippy', '--quiet', '--lib', '--no-default-features', '--', '-D', 'warnings']);
      await step('cargo clippy (wasm32 binding)', 'cargo', ['clippy', '--quiet', ...WASM, '--', '-D', 'warnings']);
      await step('cargo clippy (wasm32 binding, full module)', 'cargo', ['clippy', '--quiet', ...WASM, '--features', 'full', '--target-dir', 'target/full', '--', '-D', 'warnings']);
      await step('cargo clippy (wasm32 binding, video module)', 'cargo', ['clippy', '--quiet', ...WASM, '--features', 'video', '--target-dir', 'target/video', '--', '-D', 'warnings']);
      await step('cargo doc', 'cargo', ['doc', '--quiet', '--no-deps', '--features', 'serde'], { env: { RUSTDOCFLAGS: '-D warnings' } });
      await step('cargo test', 'cargo', ['test', '--quiet', '--features', 'serde'], { count: 'cargo' });
    },
  },
  node: {
    build: true,
    steps: () => step(`node tests on Node ${process.versions.node}`, process.execPath, ['--test', '--test-reporter=tap', ...NODE_TESTS], { count: 'node' }),
  },
  'node-versions': {
    build: true,
    steps: otherNodeLines,
  },
  downstream: {
    build: true,
    steps: () => step('downstream Rust app on wasm32', 'node', ['tests/downstream/run.mjs'], { count: 'plain' }),
  },
  fuzz: {
    build: false,
    steps: () => step('fuzz smoke (cargo-fuzz)', 'node', ['scripts/fuzz-smoke.mjs'], { count: 'plain' }),
  },
  packaging: {
    build: true,
    steps: () => step('packaging (every runtime, from the packed tarball)', 'node', ['tests/packaging/run.mjs'], { count: 'plain', env: QUIET_WRANGLER }),
  },
  frameworks: {
    build: true,
    steps: () => step('frameworks and bundlers (from the packed tarball)', 'node', ['tests/frameworks/run.mjs'], { count: 'plain' }),
  },
};

async function main() {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !(name in GROUPS));
  if (unknown.length) throw new Error(`unknown test group ${unknown.join(', ')}; groups: ${Object.keys(GROUPS).join(', ')}`);
  const groups = names.length ? names : Object.keys(GROUPS);
  if (needsInstall()) {
    if (!(await step('npm ci', 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']))) return;
  }
  if (groups.some((name) => GROUPS[name].build)) {
    if (!(await step('build', 'node', ['scripts/build.mjs']))) return;
  }
  for (const name of groups) await GROUPS[name].steps();
}

await main();
console.log(`\nfailed steps: ${failedSteps.length ? failedSteps.join(', ') : 'none'}`);
console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = failedSteps.length === 0 && totals.failed === 0 && totals.passed > 0 ? 0 : 1;
