// Builds the npm package into pkg/: cargo (the wasm/ binding crate, wasm32) → wasm-bindgen (web
// target) → wasm-opt -O3, then the JavaScript layer and entries from pkg-template/, with the
// CommonJS module for Node bundled by esbuild.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
export function patchGlue(glue, name) {
  const realmNeutral = replaceOnce(glue, 'if (!(module instanceof WebAssembly.Module)) {',
    "if (Object.prototype.toString.call(module) !== '[object WebAssembly.Module]') {");
  return replaceOnce(realmNeutral, `
    if (module_or_path === undefined) {
        module_or_path = new URL('${name}_bg.wasm', import.meta.url);
    }`, '');
}

/** The two modules: the main entry's (project credentials) and the full one (the vonage and verify entries). */
const MODULES = [
  { name: NAME, features: [], targetDir: 'target' },
  { name: `${NAME}_full`, features: ['--features', 'full'], targetDir: 'target/full' },
];

/** Builds one module into pkg/lib/: <name>_bg.wasm, its glue, its inlined copy; returns its bytes. */
function buildModule({ name, features, targetDir }) {
  // RUSTFLAGS for this target live in .cargo/config.toml (SIMD128 for sha2's SIMD backend).
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'vonage-video-token-wasm', ...features, '--target-dir', targetDir]);
  const bindgenOut = at(`target/wasm-bindgen/${name}/`);
  rmSync(bindgenOut, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-name', name, '--out-dir', bindgenOut.pathname,
    at(`${targetDir}/wasm32-unknown-unknown/release/vonage_video_token_wasm.wasm`).pathname]);
  const wasmPath = at(`pkg/lib/${name}_bg.wasm`).pathname;
  // -O3 rather than -Oz: the mint about 10 % faster in Node (the whole call within noise), 2-3 % in
  // workerd, and no larger (bench/NOTES.md).
  run(at('node_modules/.bin/wasm-opt').pathname, ['-O3', '--converge', '--strip-debug', '--strip-producers', '--strip-target-features', ...WASM_FEATURES,
    at(`target/wasm-bindgen/${name}/${name}_bg.wasm`).pathname, '-o', wasmPath]);
  const wasm = readFileSync(wasmPath);
  const glue = name === NAME ? 'glue' : 'glue-full';
  writeFileSync(at(`pkg/lib/${glue}.js`), patchGlue(readFileSync(at(`target/wasm-bindgen/${name}/${name}.js`), 'utf8'), name));
  writeFileSync(at(`pkg/lib/${name === NAME ? 'wasm-inline' : 'wasm-full-inline'}.js`), [
    '// The WebAssembly module, inlined for runtimes and bundlers that cannot read files or import .wasm.',
    `const text = atob('${wasm.toString('base64')}');`,
    'const bytes = new Uint8Array(text.length);',
    'for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);',
    'export default bytes;',
    '',
  ].join('\n'));
  return wasm;
}

/** The package's entries: the API module each re-exports, and which WebAssembly module it binds. */
const ENTRIES = {
  index: { api: 'api.js', full: false, names: ['generateToken', 'TokenGenerator', 'TokenError'] },
  testing: { api: 'testing.js', full: false, names: ['generateTokenAt', 'generatorTokenAt', 'wasmMemoryBytes', 'wasmMemoryCopy'] },
  vonage: { api: 'application.js', full: true, names: ['generateClientToken', 'ClientTokenGenerator', 'generateApplicationJwt', 'generateRestToken', 'TokenError'] },
  verify: { api: 'verify.js', full: true, names: ['decodeToken', 'verifyToken', 'TokenError'] },
};

/** How each runtime gets a module: an import of the .wasm file, or its bytes inlined. */
const LOADERS = {
  workerd: ['Cloudflare Workers: wrangler hands a static .wasm import over as a compiled WebAssembly.Module.', (name) => `./lib/${name}_bg.wasm`],
  'edge-light': ['Vercel Edge / Next.js edge routes: their bundler turns a `.wasm?module` import into a compiled WebAssembly.Module\n// (the edge runtime does not compile WebAssembly from bytes at run time).', (name) => `./lib/${name}_bg.wasm?module`],
  inline: ['Deno, bundlers, browsers and any other ES runtime that compiles WebAssembly from bytes: the module is\n// inlined, so there is no file to find.', (name) => `./lib/${name === NAME ? 'wasm-inline' : 'wasm-full-inline'}.js`],
};

/** Writes every entry file: one per runtime and entry, each a few lines. */
function writeEntries() {
  const prefix = (entry) => (entry === 'index' ? '' : `${entry}-`);
  for (const [entry, { api, full, names }] of Object.entries(ENTRIES)) {
    const list = names.join(', ');
    for (const [runtime, [comment, source]] of Object.entries(LOADERS)) {
      const name = full ? `${NAME}_full` : NAME;
      const lines = [`// ${comment}`, `import wasmModule from '${source(name)}';`,
        `import { initSync } from './lib/${full ? 'glue-full' : 'glue'}.js';`,
        `import { ${full ? 'attachFull' : 'attach'} } from './lib/boundary.js';`, '',
        `${full ? 'attachFull' : 'attach'}(initSync({ module: wasmModule }));`];
      if (entry === 'testing') lines.splice(0, lines.length, '// Test-only helpers, with the main entry of the same runtime.', `import './${runtime}.js';`);
      lines.push(`export { ${list} } from './lib/${api}';`, '');
      writeFileSync(at(`pkg/${prefix(entry)}${runtime}.js`), lines.join('\n'));
    }
    const file = entry === 'index' ? 'node' : entry;
    writeFileSync(at(`pkg/${file}.cjs`), `'use strict';\n// Node (require) and Bun.\nconst node = require('./lib/node.cjs');\n\nmodule.exports = { ${names.map((n) => `${n}: node.${n}`).join(', ')} };\n`);
    // Loaded with require, not `import … from './lib/node.cjs'`: the instance is the same, and Node's
    // ESM loader does not parse the CommonJS file for its export names (about 10 ms at cold start).
    writeFileSync(at(`pkg/${file}.mjs`), `// Node (import) and Bun: the CommonJS module, so \`import\` and \`require\` share one instance.\nimport { createRequire } from 'node:module';\n\nconst node = createRequire(import.meta.url)('./lib/node.cjs');\n\nexport const { ${list} } = node;\n`);
  }
}

function build() {
  ensureToolchain();
  rmSync(pkg, { recursive: true, force: true });
  mkdirSync(at('pkg/lib/'), { recursive: true });
  const [wasm, full] = MODULES.map(buildModule);
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
  writeEntries();
  for (const entry of Object.keys(ENTRIES)) copyFileSync(at(`pkg/${entry}.d.ts`), at(`pkg/${entry}.d.cts`));
  for (const name of ['README.md', 'LICENSE']) copyFileSync(at(name), at(`pkg/${name}`));
  chmodSync(at('pkg/cli.mjs'), 0o755);

  const version = /^version = "([^"]+)"/m.exec(readFileSync(at('Cargo.toml'), 'utf8'))[1];
  const manifest = JSON.parse(readFileSync(at('pkg/package.json'), 'utf8'));
  manifest.version = version;
  writeFileSync(at('pkg/package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const size = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  const sizes = { main: size(wasm), full: size(full) };
  writeFileSync(at('pkg/lib/size.json'), `${JSON.stringify(sizes)}\n`);
  console.log(`built pkg/ ${manifest.name}@${version}: ${NAME}_bg.wasm ${sizes.main.raw} B raw, ${sizes.main.gzip} B gzip; `
    + `${NAME}_full_bg.wasm ${sizes.full.raw} B raw, ${sizes.full.gzip} B gzip`);
}

if (import.meta.url === `file://${process.argv[1]}`) build();
