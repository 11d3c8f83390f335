// Builds the npm package into pkg/: cargo (the wasm/ binding crate, wasm32) → wasm-bindgen (web
// target) → wasm-opt -O3, then one self-contained file per entry and runtime, bundled by esbuild
// from the JavaScript layer in pkg-template/lib/.
//
// The loading design: every entry has three files, and every tool, whatever conditions it resolves
// `exports` with, reaches one of them. Each is complete by itself: the only load in it is a static
// import of a literal path, so file tracers (@vercel/nft, Nitro, Next's standalone output) copy
// what runs, and bundlers (bun build, esbuild, webpack, Rollup, Vite) inline what runs.
//   <entry>.mjs       `import` everywhere but the edge: Node, Bun, Deno, bundlers, browsers.
//                     The WebAssembly module is carried inside (base64) and compiled from bytes.
//   <entry>.cjs       `require` (Node, Bun, bundlers resolving require()), the same, as CommonJS.
//   <entry>.edge.js   `workerd` and `edge-light`: runtimes that forbid compiling WebAssembly from
//                     bytes get it as `import … from './lib/<name>_bg.wasm?module'`, which wrangler,
//                     Next.js, Vercel and Nitro (experimental.wasm) turn into a compiled module.
// The copies find one another at run time (pkg-template/lib/shared.js): one TokenError class and
// one instance of each module per realm, whichever file loaded first.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { ensureToolchain } from './toolchain.mjs';

const root = new URL('..', import.meta.url);
const at = (path) => new URL(path, root);
const pkg = at('pkg/');
// The JavaScript layer and the patched wasm-bindgen glue, gathered for bundling.
const staging = at('target/pkg-js/');
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
 * The layer instantiates each module itself, from a compiled WebAssembly.Module, and can do so
 * again (a fresh instance): the glue gains an `instantiate(module)` made of its own import object
 * and finalizer. Its loaders are never used (the bundles leave them out); the default path of the
 * asynchronous one, `new URL('…_bg.wasm', import.meta.url)`, goes, as no bundler should see it.
 */
export function patchGlue(glue, name) {
  const withoutPath = replaceOnce(glue, `
    if (module_or_path === undefined) {
        module_or_path = new URL('${name}_bg.wasm', import.meta.url);
    }`, '');
  const exported = replaceOnce(withoutPath, 'export { initSync, __wbg_init as default };', `
/** A new instance of \`module\` (a compiled WebAssembly.Module), started; its exports. */
export function instantiate(module) {
    const instance = new WebAssembly.Instance(module, __wbg_get_imports());
    return __wbg_finalize_init(instance, module);
}
`);
  return exported;
}

/**
 * The three modules: the main entry's (project credentials), the full one (the vonage and verify
 * entries) and the Video REST API's (the video entry). The first two are optimised for speed where
 * the time goes (Cargo.toml's profile, wasm-opt -O3); the video module builds requests and reads
 * answers, once per REST call, next to a network round trip: it is optimised for size throughout.
 */
const MODULES = {
  main: { name: NAME, features: [], targetDir: 'target', glue: 'glue.js', opt: '-O3' },
  full: { name: `${NAME}_full`, features: ['--features', 'full'], targetDir: 'target/full', glue: 'glue-full.js', opt: '-O3' },
  video: {
    name: `${NAME}_video`, targetDir: 'target/video', glue: 'glue-video.js', opt: '-Oz',
    features: ['--features', 'video', '--config', 'profile.release.opt-level="z"', '--config', 'profile.release.package.vonage-video-token.opt-level="z"'],
  },
};

/** Builds one module into pkg/lib/<name>_bg.wasm and its glue into the staging directory; returns its bytes. */
function buildModule({ name, features, targetDir, glue, opt }) {
  // RUSTFLAGS for this target live in .cargo/config.toml (SIMD128 for sha2's SIMD backend).
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'vonage-video-token-wasm', ...features, '--target-dir', targetDir]);
  const bindgenOut = at(`target/wasm-bindgen/${name}/`);
  rmSync(bindgenOut, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-name', name, '--out-dir', bindgenOut.pathname,
    at(`${targetDir}/wasm32-unknown-unknown/release/vonage_video_token_wasm.wasm`).pathname]);
  const wasmPath = at(`pkg/lib/${name}_bg.wasm`).pathname;
  // -O3 rather than -Oz for the modules that mint: the mint about 10 % faster in Node (the whole
  // call within noise), 2-3 % in workerd, and no larger (bench/NOTES.md).
  run(at('node_modules/.bin/wasm-opt').pathname, [opt, '--converge', '--strip-debug', '--strip-producers', '--strip-target-features', ...WASM_FEATURES,
    at(`target/wasm-bindgen/${name}/${name}_bg.wasm`).pathname, '-o', wasmPath]);
  writeFileSync(new URL(glue, staging), patchGlue(readFileSync(at(`target/wasm-bindgen/${name}/${name}.js`), 'utf8'), name));
  return readFileSync(wasmPath);
}

/**
 * The package's entries: what each exports, from which part of the layer. The main entry binds
 * the main module at load (and warms it up); the testing entry mints with it, so each of its
 * files loads the main entry's file of the same kind first. The vonage and verify entries share
 * one file per kind, `lib/full.*`, which binds the full module (on first use) and holds their code.
 * The video entry binds its own module and mints client tokens and REST credentials through the
 * main entry's and lib/full's file of the same kind (`uses`: imported, then handed to the layer).
 */
export const ENTRIES = {
  index: { api: 'api.js', module: 'main', names: ['generateToken', 'TokenGenerator', 'TokenError'] },
  testing: { api: 'testing.js', after: 'index', names: ['generateTokenAt', 'generatorTokenAt', 'wasmMemoryBytes', 'wasmMemoryCopy'] },
  vonage: { from: 'lib/full', names: ['generateClientToken', 'ClientTokenGenerator', 'generateApplicationJwt', 'generateRestToken', 'TokenError'] },
  verify: { from: 'lib/full', names: ['decodeToken', 'verifyToken', 'TokenError'] },
  video: { api: 'video.js', module: 'video', uses: { index: ['TokenGenerator'], 'lib/full': ['ClientTokenGenerator', 'generateRestToken'] }, names: ['Video', 'TokenError'] },
  'lib/full': { module: 'full', parts: { 'application.js': ['generateClientToken', 'ClientTokenGenerator', 'generateApplicationJwt', 'generateRestToken', 'TokenError'], 'verify.js': ['decodeToken', 'verifyToken'] } },
};

/** The files of each entry, by how they get a WebAssembly module: carried inline (base64), or imported as a compiled module. */
export const FLAVORS = {
  mjs: { file: (entry) => `${entry}.mjs`, format: 'esm', wasm: 'inline' },
  cjs: { file: (entry) => `${entry}.cjs`, format: 'cjs', wasm: 'inline' },
  edge: { file: (entry) => `${entry}.edge.js`, format: 'esm', wasm: 'import' },
};

/**
 * The source of `wasm-<main|full>.<inline|import>.js` in the staging directory: `compile` and
 * `instantiate` for the layer, the module carried inline (base64) or imported (the import's path
 * is kept as written: relative to the files in the package root, and lib/full.* rewrites it).
 */
function wasmSource(which, how, bytes) {
  const { name, glue } = MODULES[which];
  const lines = [`export { instantiate } from './${glue}';`];
  if (how === 'inline') {
    // Compiled as the file loads: workerd, where these files can also end up (through the
    // `browser` condition, say), compiles WebAssembly at start-up only, never during a request.
    lines.push("import { fromBase64 } from './wasm.js';", '',
      '// The module itself, so that there is no file to find at run time.',
      `const compiled = new WebAssembly.Module(fromBase64('${bytes.toString('base64')}'));`,
      'export const compile = () => compiled;');
  } else {
    lines.push(`import wasmModule from './lib/${name}_bg.wasm?module';`, '', 'export const compile = () => wasmModule;');
  }
  return `${lines.join('\n')}\n`;
}

/** The source each file is bundled from. */
function entrySource(entry, flavor) {
  const { api, module, after, uses, from, parts, names } = ENTRIES[entry];
  const { file, wasm } = FLAVORS[flavor];
  if (from) return `export { ${names.join(', ')} } from './${file(from)}';\n`;
  const lines = [];
  if (after) {
    lines.push(`import './${file(after)}';`);
  } else {
    const use = { main: 'useMain', full: 'useFull', video: 'useVideo' }[module];
    for (const [other, otherNames] of Object.entries(uses ?? {})) lines.push(`import { ${otherNames.join(', ')} } from './${file(other)}';`);
    if (uses) lines.push(`import { bind } from './${api}';`);
    lines.push(`import { ${use} } from './boundary.js';`, `import * as source from './wasm-${module}.${wasm}.js';`);
    if (module === 'main' && flavor !== 'edge') lines.push("import { scheduleWarmUp } from './warm-up.js';");
    lines.push('', `${use}(source);`);
    if (uses) lines.push(`bind({ ${Object.values(uses).flat().join(', ')} });`);
    if (module === 'main' && flavor !== 'edge') lines.push('scheduleWarmUp();');
  }
  for (const [part, partNames] of Object.entries(parts ?? { [api]: names })) lines.push(`export { ${partNames.join(', ')} } from './${part}';`);
  lines.push('');
  return lines.join('\n');
}

const BANNERS = {
  mjs: 'Node, Bun, Deno, bundlers and browsers (import).',
  cjs: 'Node, Bun and bundlers (require).',
  edge: 'Cloudflare Workers (workerd) and Vercel Edge (edge-light): the .wasm is imported as a compiled module.',
};

/** Bundles one file into pkg/; the package's other files and the .wasm imports stay imports. */
function bundle(entry, flavor, version) {
  const { file, format } = FLAVORS[flavor];
  const inLib = entry.startsWith('lib/');
  const what = inLib ? 'the code and WebAssembly module of the `./vonage` and `./verify` entries' : `the \`${entry === 'index' ? '.' : `./${entry}`}\` entry`;
  let contents = entrySource(entry, flavor);
  // A file in lib/ imports the .wasm beside it.
  if (inLib) contents = contents.replace(/'\.\/wasm-(\w+)\.import\.js'/, "'./wasm-$1.import-lib.js'");
  buildSync({
    stdin: { contents, resolveDir: staging.pathname, sourcefile: `${entry}.${flavor}.js` },
    outfile: at(`pkg/${file(entry)}`).pathname,
    bundle: true, format, platform: 'neutral', target: 'es2022', logLevel: 'warning',
    external: ['*.wasm?module', './lib/*', './index.*'],
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    banner: { js: `// vonage-video-token ${version}: ${what}. ${BANNERS[flavor]}` },
    legalComments: 'none',
  });
}

/** Writes every file of every entry into pkg/. */
function writeEntries(wasm, version) {
  for (const which of Object.keys(MODULES)) {
    for (const how of ['inline', 'import']) writeFileSync(new URL(`wasm-${which}.${how}.js`, staging), wasmSource(which, how, wasm[which]));
    writeFileSync(new URL(`wasm-${which}.import-lib.js`, staging), wasmSource(which, 'import', wasm[which]).replace("'./lib/", "'./"));
  }
  for (const flavor of Object.keys(FLAVORS)) {
    for (const entry of Object.keys(ENTRIES)) bundle(entry, flavor, version);
  }
}

function build() {
  ensureToolchain();
  rmSync(pkg, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(at('pkg/lib/'), { recursive: true });
  mkdirSync(staging, { recursive: true });
  for (const name of readdirSync(at('pkg-template/lib/'))) copyFileSync(at(`pkg-template/lib/${name}`), new URL(name, staging));
  const wasm = Object.fromEntries(Object.entries(MODULES).map(([which, module]) => [which, buildModule(module)]));
  for (const name of readdirSync(at('pkg-template/'))) {
    const from = at(`pkg-template/${name}`);
    if (statSync(from).isFile()) copyFileSync(from, at(`pkg/${name}`));
  }
  const version = /^version = "([^"]+)"/m.exec(readFileSync(at('Cargo.toml'), 'utf8'))[1];
  writeEntries(wasm, version);
  writeFileSync(at('pkg/cli.mjs'), readFileSync(at('pkg/cli.mjs'), 'utf8').replace("'__PACKAGE_VERSION__'", JSON.stringify(version)));
  chmodSync(at('pkg/cli.mjs'), 0o755);
  for (const entry of Object.keys(ENTRIES).filter((name) => !name.startsWith('lib/'))) copyFileSync(at(`pkg/${entry}.d.ts`), at(`pkg/${entry}.d.cts`));
  for (const name of ['README.md', 'LICENSE']) copyFileSync(at(name), at(`pkg/${name}`));

  const manifest = JSON.parse(readFileSync(at('pkg/package.json'), 'utf8'));
  manifest.version = version;
  writeFileSync(at('pkg/package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const size = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  const sizes = Object.fromEntries(Object.entries(wasm).map(([which, bytes]) => [which, size(bytes)]));
  writeFileSync(at('pkg/lib/size.json'), `${JSON.stringify(sizes)}\n`);
  console.log(`built pkg/ ${manifest.name}@${version}: ${Object.keys(MODULES).map((which) => `${MODULES[which].name}_bg.wasm ${sizes[which].raw} B raw, ${sizes[which].gzip} B gzip`).join('; ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) build();
