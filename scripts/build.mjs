// Builds the npm package into pkg/: cargo (the wasm/ binding crate, wasm32) → wasm-bindgen (web
// target) → wasm-opt -Oz, then the JavaScript layer and entries from pkg-template/, with the
// CommonJS module for Node bundled by esbuild.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { ensureToolchain } from './toolchain.mjs';

const root = new URL('..', import.meta.url);
const at = (path) => new URL(path, root);
const pkg = at('pkg/');
const NAME = 'vonage_video_token';

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root });
}

// rustc's default wasm32 features plus SIMD128, which wasm-opt must be told about.
const WASM_FEATURES = [
  '--enable-bulk-memory', '--enable-mutable-globals', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-reference-types', '--enable-multivalue', '--enable-simd',
];

/** Replaces `from` (which must occur exactly once) in the generated glue. */
function replaceOnce(glue, from, to) {
  const count = glue.split(from).length - 1;
  if (count !== 1) throw new Error(`glue: expected one "${from}", found ${count}`);
  return glue.replace(from, to);
}

/**
 * Two changes to wasm-bindgen's glue. Its initSync tests `module instanceof WebAssembly.Module`,
 * which is false for a module compiled in another realm (Next.js compiles an edge route's
 * `.wasm?module` import outside the route's realm), and then fails trying to compile the module
 * object as bytes: the brand is checked instead. And its asynchronous loader, which the package
 * never uses, defaults to `new URL('…_bg.wasm', import.meta.url)`, which makes bundlers emit
 * needless copies of the module: the default goes.
 */
export function patchGlue(glue) {
  const realmNeutral = replaceOnce(glue, 'if (!(module instanceof WebAssembly.Module)) {',
    "if (Object.prototype.toString.call(module) !== '[object WebAssembly.Module]') {");
  return replaceOnce(realmNeutral, `
    if (module_or_path === undefined) {
        module_or_path = new URL('${NAME}_bg.wasm', import.meta.url);
    }`, '');
}

function build() {
  ensureToolchain();
  // RUSTFLAGS for this target live in .cargo/config.toml (SIMD128 for sha2's SIMD backend).
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'vonage-video-token-wasm']);
  const bindgenOut = at('target/wasm-bindgen/');
  rmSync(bindgenOut, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-name', NAME, '--out-dir', bindgenOut.pathname,
    at('target/wasm32-unknown-unknown/release/vonage_video_token_wasm.wasm').pathname]);

  rmSync(pkg, { recursive: true, force: true });
  mkdirSync(at('pkg/lib/'), { recursive: true });
  const wasmPath = at(`pkg/lib/${NAME}_bg.wasm`).pathname;
  run(at('node_modules/.bin/wasm-opt').pathname, ['-Oz', '--converge', '--strip-debug', '--strip-producers', '--strip-target-features', ...WASM_FEATURES,
    at(`target/wasm-bindgen/${NAME}_bg.wasm`).pathname, '-o', wasmPath]);
  const wasm = readFileSync(wasmPath);

  writeFileSync(at('pkg/lib/glue.js'), patchGlue(readFileSync(at(`target/wasm-bindgen/${NAME}.js`), 'utf8')));
  writeFileSync(at('pkg/lib/wasm-inline.js'), [
    '// The WebAssembly module, inlined for runtimes and bundlers that cannot read files or import .wasm.',
    `const text = atob('${wasm.toString('base64')}');`,
    'const bytes = new Uint8Array(text.length);',
    'for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);',
    'export default bytes;',
    '',
  ].join('\n'));
  for (const dir of ['', 'lib/']) {
    for (const name of readdirSync(at(`pkg-template/${dir}`))) {
      const from = at(`pkg-template/${dir}${name}`);
      if (statSync(from).isFile()) copyFileSync(from, at(`pkg/${dir}${name}`));
    }
  }
  // One CommonJS file for Node: node.cjs, node.mjs and both testing entries share its instance.
  buildSync({
    entryPoints: [at('pkg/lib/node.js').pathname], outfile: at('pkg/lib/node.cjs').pathname,
    bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning',
  });
  rmSync(at('pkg/lib/node.js'));
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
  console.log(`built pkg/ ${manifest.name}@${version}: ${NAME}_bg.wasm ${raw} B raw, ${gzip} B gzip`);
}

if (import.meta.url === `file://${process.argv[1]}`) build();
