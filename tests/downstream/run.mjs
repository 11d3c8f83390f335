// The published crate as a dependency of a Rust app on wasm32 (tests/downstream): the app brings
// its own #[global_allocator] and another exact wasm-bindgen version, so it only builds and links
// if the crate carries neither. Run in Node, its fixed-clock token must equal the npm package's
// byte for byte, its real-clock token must verify, and its module must export nothing of ours.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const root = new URL('../../', import.meta.url);
const targetDir = fileURLToPath(new URL('target/downstream/', root));

function run(cmd, args, options = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', ...options });
}

// The app's own wasm-bindgen version, and a CLI to match it (installed once, under target/).
const version = /\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/.exec(readFileSync(here('Cargo.lock'), 'utf8'))[1];
const ourVersion = /\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/.exec(readFileSync(new URL('Cargo.lock', root), 'utf8'))[1];
const tools = fileURLToPath(new URL(`target/tools/wasm-bindgen-${version}/`, root));
const bindgen = `${tools}bin/wasm-bindgen`;
if (!existsSync(bindgen)) {
  run('cargo', ['install', 'wasm-bindgen-cli', '--version', version, '--no-default-features', '--root', tools]);
}
run('cargo', ['build', '--release', '--locked', '--target', 'wasm32-unknown-unknown'], { cwd: here('.'), env: { ...process.env, CARGO_TARGET_DIR: targetDir } });
const out = `${targetDir}bindgen/`;
run(bindgen, ['--target', 'nodejs', '--out-dir', out, `${targetDir}wasm32-unknown-unknown/release/downstream_wasm_app.wasm`]);
// The nodejs target is CommonJS; the repository's package.json says "type": "module".
writeFileSync(`${out}package.json`, '{ "type": "commonjs" }\n');

const app = require(`${out}downstream_wasm_app.js`);
const { generateTokenAt } = await import(new URL('pkg/testing.mjs', root));
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok' : 'FAIL'} ${name}${ok ? '' : ` ${detail}`}`);
};

const KEY = '123456';
const SECRET = '1234567890abcdef1234567890abcdef1234567890';
const SESSION = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';

check(`the app pins wasm-bindgen ${version}, not the npm module's ${ourVersion}`, version !== ourVersion);
for (const [now, nonce, role, data] of [[1_700_000_000_000, 0.3942609881050885, 'moderator', 'name=Jo é'], [1_700_000_000_499, 1e-7, 'publisher', ''], [1_799_999_999_999, 0.5, 'subscriber', '{"a":"\\n"}']]) {
  const theirs = app.fixed_token(KEY, SECRET, SESSION, role, data, now, nonce);
  const ours = generateTokenAt({ now, nonce }, KEY, SECRET, SESSION, { role, data });
  check(`fixed-clock token (${now}, ${nonce}, ${role}) equals the npm package's`, theirs === ours, `\n  app ${theirs}\n  npm ${ours}`);
}
const before = app.allocations();
const real = app.real_token(KEY, SECRET, SESSION);
let claims;
try {
  claims = jwt.verify(real, SECRET, { algorithms: ['HS256'] });
} catch (err) {
  claims = { error: err.message };
}
const nowSeconds = Math.round(Date.now() / 1000);
check('real-clock token verifies, with the host clock', Math.abs(claims.create_time - nowSeconds) <= 5, JSON.stringify(claims));
check('real-clock tokens carry fresh nonces', app.real_token(KEY, SECRET, SESSION) !== real);
check("the app's own allocator served the crate", app.allocations() > before);
let threw = '';
try {
  app.real_token('12a', SECRET, SESSION);
} catch (err) {
  threw = String(err);
}
check('errors reach the app as values', threw.startsWith('ERR_INVALID_API_KEY: '), threw);

const wasm = readFileSync(`${out}downstream_wasm_app_bg.wasm`);
const exports = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
// What the npm package's own modules export (read from the built package, so the list never goes
// stale): the downstream app, which depends on the crate only, must export none of it.
const bindingExports = (file) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(new URL(`pkg/lib/${file}`, root))))
  .map((e) => e.name).filter((name) => !name.startsWith('__') && name !== 'memory');
const ours = [...new Set([...bindingExports('vonage_video_token_bg.wasm'), ...bindingExports('vonage_video_token_full_bg.wasm')])];
check('the binding exports were read', ours.length >= 15 && ours.includes('mint') && ours.includes('verify_secret'), ours.join(' '));
check('the module exports nothing of the npm binding', !exports.some((name) => ours.includes(name)), exports.join(' '));
check("the module exports the app's functions", ['fixed_token', 'real_token', 'allocations'].every((name) => exports.includes(name)), exports.join(' '));

const failed = results.filter((ok) => !ok).length;
console.log(`downstream: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
