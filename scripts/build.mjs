// Builds the npm package into pkg/: cargo (wasm32) → wasm-bindgen (web target) → wasm-opt -Oz,
// then the hand-written JS layer and entries from pkg-template/, with CommonJS copies for Node.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ensureToolchain } from './toolchain.mjs';

const root = new URL('..', import.meta.url);
const at = (path) => new URL(path, root);
const pkg = at('pkg/');
const crate = 'vonage_video_token';

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root });
}

// rustc's default wasm32 features plus SIMD128, which wasm-opt must be told about.
const WASM_FEATURES = [
  '--enable-bulk-memory', '--enable-mutable-globals', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-reference-types', '--enable-multivalue', '--enable-simd',
];

/** Rewrites one of our ES modules (or wasm-bindgen's) as CommonJS; fails on anything unexpected. */
export function toCommonJs(source, rename) {
  const names = [];
  let out = source
    .replace(/^import \{([^}]+)\} from '([^']+)';$/gm, (_, list, from) => `const {${list}} = require('${rename(from)}');`)
    .replace(/^export (class|function|const|let) ([A-Za-z_$][\w$]*)/gm, (_, keyword, name) => {
      names.push(name);
      return `${keyword} ${name}`;
    })
    .replace(/^export \{([^}]+)\};$/gm, (_, list) => {
      for (const item of list.split(',')) {
        const [local, exported = local] = item.trim().split(/\s+as\s+/);
        if (exported !== 'default') names.push(local === exported ? local : `${exported}: ${local}`);
      }
      return '';
    })
    // Only the async loader (never used by the CommonJS entry) mentions import.meta.
    .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename)");
  if (/^\s*(import|export)\b/m.test(out)) throw new Error('toCommonJs: an import/export statement was left over');
  out = `'use strict';\n${out}\nmodule.exports = { ${names.join(', ')} };\n`;
  return out;
}

function build() {
  ensureToolchain();
  // RUSTFLAGS for this target live in .cargo/config.toml (SIMD128 for sha2's SIMD backend).
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib', '--no-default-features']);
  const bindgenOut = at('target/wasm-bindgen/');
  rmSync(bindgenOut, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', bindgenOut.pathname,
    at(`target/wasm32-unknown-unknown/release/${crate}.wasm`).pathname]);

  rmSync(pkg, { recursive: true, force: true });
  mkdirSync(at('pkg/lib/'), { recursive: true });
  const wasmPath = at(`pkg/lib/${crate}_bg.wasm`).pathname;
  run(at('node_modules/.bin/wasm-opt').pathname, ['-Oz', '--converge', '--strip-debug', '--strip-producers', '--strip-target-features', ...WASM_FEATURES,
    at(`target/wasm-bindgen/${crate}_bg.wasm`).pathname, '-o', wasmPath]);

  const glue = readFileSync(at(`target/wasm-bindgen/${crate}.js`), 'utf8');
  writeFileSync(at('pkg/lib/glue.js'), glue);
  writeFileSync(at('pkg/lib/glue.cjs'), toCommonJs(glue, (from) => from));
  const api = readFileSync(at('pkg-template/lib/api.js'), 'utf8');
  writeFileSync(at('pkg/lib/api.js'), api);
  writeFileSync(at('pkg/lib/api.cjs'), toCommonJs(api, (from) => from.replace(/\.js$/, '.cjs')));
  const wasm = readFileSync(wasmPath);
  writeFileSync(at('pkg/lib/wasm-inline.js'), [
    '// The WebAssembly module, inlined for runtimes that cannot read files or import .wasm.',
    `const text = atob('${wasm.toString('base64')}');`,
    'const bytes = new Uint8Array(text.length);',
    'for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);',
    'export default bytes;',
    '',
  ].join('\n'));

  for (const name of readdirSync(at('pkg-template/'))) {
    if (statSync(at(`pkg-template/${name}`)).isFile()) copyFileSync(at(`pkg-template/${name}`), at(`pkg/${name}`));
  }
  copyFileSync(at('pkg/index.d.ts'), at('pkg/index.d.cts'));
  copyFileSync(at('pkg/testing.d.ts'), at('pkg/testing.d.cts'));
  for (const name of ['README.md', 'LICENSE']) copyFileSync(at(name), at(`pkg/${name}`));

  const version = /^version = "([^"]+)"/m.exec(readFileSync(at('Cargo.toml'), 'utf8'))[1];
  const manifest = JSON.parse(readFileSync(at('pkg/package.json'), 'utf8'));
  manifest.version = version;
  writeFileSync(at('pkg/package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const raw = wasm.length;
  const gzip = gzipSync(wasm, { level: 9 }).length;
  writeFileSync(at('pkg/lib/size.json'), `${JSON.stringify({ raw, gzip })}\n`);
  console.log(`built pkg/ ${manifest.name}@${version}: ${crate}_bg.wasm ${raw} B raw, ${gzip} B gzip`);
}

if (import.meta.url === `file://${process.argv[1]}`) build();
