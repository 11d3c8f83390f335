// Installs what the build needs and is missing: the wasm32 rustup target and the
// wasm-bindgen CLI at exactly the version Cargo.lock pins.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);

function output(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root });
}

/** The wasm-bindgen version pinned in Cargo.lock. */
export function lockedWasmBindgenVersion() {
  const lock = readFileSync(new URL('Cargo.lock', root), 'utf8');
  const match = /\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock);
  if (!match) throw new Error('Cargo.lock has no wasm-bindgen entry');
  return match[1];
}

export function ensureToolchain() {
  if (!output('rustup', ['target', 'list', '--installed']).split('\n').includes('wasm32-unknown-unknown')) {
    run('rustup', ['target', 'add', 'wasm32-unknown-unknown']);
  }
  const components = output('rustup', ['component', 'list', '--installed']);
  for (const component of ['clippy', 'rustfmt']) {
    if (!components.includes(component)) run('rustup', ['component', 'add', component]);
  }
  const want = lockedWasmBindgenVersion();
  const have = output('wasm-bindgen', ['--version']).trim().split(' ')[1];
  if (have !== want) {
    // Not --locked: the CLI's locked tree wants crates this registry mirror lacks.
    run('cargo', ['install', 'wasm-bindgen-cli', '--version', want, '--no-default-features', '--force']);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureToolchain();
