// The loading design, checked on the built package without any tool: whatever conditions a tool
// resolves `exports` with, the file it reaches and every file that file loads exist in the
// package, and every load is a static import or require of a literal relative path (so file
// tracers and bundlers see all of it). No file reads from disk, builds a path at run time or
// loads through createRequire; only the edge files import a `.wasm`, as `?module`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = fileURLToPath(new URL('../../../pkg/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

// Condition sets tools resolve with (first matching key wins, in the package's key order).
const TOOLS = {
  'Node import': ['node', 'import'],
  'Node require': ['node', 'require'],
  'Bun runtime and bun build --target=bun': ['bun', 'node', 'import', 'development'],
  'bun build --target=bun, require': ['bun', 'node', 'require', 'development'],
  'Deno': ['deno', 'node', 'import'],
  'esbuild --platform=node': ['node', 'import', 'module'],
  'webpack target node': ['node', 'import', 'module', 'webpack', 'production'],
  'webpack target web': ['browser', 'import', 'module', 'webpack', 'production'],
  'Vite SSR': ['node', 'import', 'module', 'production'],
  'Rollup node-resolve (Nitro node-server)': ['default', 'module', 'import', 'production', 'node'],
  '@vercel/nft (defaults; Nitro passes production, node)': ['node', 'import', 'production'],
  '@vercel/nft with module': ['node', 'module', 'import'],
  'Nitro cloudflare-module': ['production', 'workerd', 'wintercg', 'worker', 'web', 'browser', 'edge-light', 'netlify', 'edge-routine', 'deno', 'import', 'default'],
  'wrangler': ['workerd', 'worker', 'browser', 'import'],
  'Next.js edge': ['edge-light', 'worker', 'browser', 'module', 'import'],
  'a browser bundler': ['browser', 'module', 'import'],
};

/** The target of one subpath for a set of conditions, as Node's resolver picks it. */
function resolveExport(subpath, conditions) {
  const walk = (target) => {
    if (typeof target === 'string') return target;
    for (const [key, value] of Object.entries(target)) {
      if (key === 'types') continue;
      if (key === 'default' || conditions.includes(key)) {
        const found = walk(value);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return walk(manifest.exports[subpath]);
}

/** Every load in a JavaScript file: { kind, specifier } (specifier undefined when not a literal). */
function loads(source) {
  const found = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*(['"])([^'"]+)\1|^\s*import\s*(['"])([^'"]+)\3/gm)) found.push({ kind: 'static import', specifier: m[2] ?? m[4] });
  for (const m of source.matchAll(/\brequire\s*\(\s*(?:(['"])([^'"]+)\1\s*\))?/g)) found.push({ kind: 'require', specifier: m[2] });
  for (const m of source.matchAll(/\bimport\s*\(/g)) found.push({ kind: 'import()', specifier: undefined, at: m.index });
  return found;
}

/** The files a file loads, transitively, checked as it goes; returns the closure. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const path = join(pkgDir, file);
  assert.ok(existsSync(path), `${file} is not in the package`);
  if (file.endsWith('.wasm')) return seen;
  const source = readFileSync(path, 'utf8');
  for (const banned of ['createRequire', 'import.meta', 'readFileSync', '__dirname', 'process.getBuiltinModule']) {
    assert.ok(!source.includes(banned), `${file} uses ${banned}`);
  }
  for (const { kind, specifier } of loads(source)) {
    assert.notEqual(specifier, undefined, `${file} has a ${kind} of something other than a literal path`);
    assert.ok(specifier.startsWith('./'), `${file} loads ${specifier}: only relative paths inside the package`);
    const wasm = specifier.endsWith('.wasm?module');
    if (specifier.includes('.wasm')) assert.ok(wasm && file.endsWith('.edge.js'), `${file} loads ${specifier}: only the edge files import a .wasm, as ?module`);
    closure(normalize(join(dirname(file), specifier.replace(/\?module$/, ''))), seen);
  }
  return seen;
}

const SUBPATHS = Object.keys(manifest.exports).filter((subpath) => subpath !== './package.json');

for (const [tool, conditions] of Object.entries(TOOLS)) {
  test(`${tool}: every entry resolves to a file whose loads are all static and inside the package`, () => {
    for (const subpath of SUBPATHS) {
      const target = resolveExport(subpath, conditions);
      assert.ok(target, `${subpath} resolves to nothing with ${conditions}`);
      const files = closure(normalize(target));
      const wasm = [...files].filter((f) => f.endsWith('.wasm'));
      const edge = conditions.includes('workerd') || conditions.includes('edge-light');
      assert.equal(wasm.length > 0, edge, `${subpath} with ${conditions}: ${edge ? 'the edge files import the .wasm' : 'nothing but the edge files imports a .wasm'} (${[...files]})`);
    }
  });
}

test('a tool that resolves import and one that resolves require reach files that share one instance (each file loads nothing of the other kind)', () => {
  for (const subpath of SUBPATHS) {
    const esm = closure(normalize(resolveExport(subpath, ['node', 'import'])));
    const cjs = closure(normalize(resolveExport(subpath, ['node', 'require'])));
    assert.ok([...esm].every((f) => !f.endsWith('.cjs')), `${subpath}: the ESM files load no CommonJS (${[...esm]})`);
    assert.ok([...cjs].every((f) => !f.endsWith('.mjs')), `${subpath}: the CommonJS files load no ESM (${[...cjs]})`);
  }
});

test('the command-line tool loads the package statically', () => {
  const source = readFileSync(join(pkgDir, 'cli.mjs'), 'utf8');
  const specifiers = loads(source).map((l) => l.specifier);
  assert.deepEqual(specifiers.filter((s) => !s?.startsWith('node:')).sort(), ['./index.mjs', './verify.mjs', './vonage.mjs']);
  assert.ok(!/import\.meta|createRequire|readFileSync/.test(source));
});
