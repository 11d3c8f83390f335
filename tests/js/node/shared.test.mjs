// The shared suite in Node, through both the ESM and the CommonJS entries of the built package.
import { test } from 'node:test';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { suite } from '../suite.mjs';
import { packageEntry } from './package-path.mjs';

const require = createRequire(import.meta.url);
const vectors = JSON.parse(readFileSync(new URL('../../vectors/tokens.json', import.meta.url), 'utf8'));

const esm = { api: await import(packageEntry('.', 'import')), testing: await import(packageEntry('./testing', 'import')) };
const cjs = { api: require(packageEntry('.', 'require')), testing: require(packageEntry('./testing', 'require')) };

for (const [flavour, entry] of [['esm', esm], ['cjs', cjs]]) {
  for (const [name, fn] of suite({ ...entry, vectors })) {
    test(`${flavour}: ${name}`, (t) => {
      const outcome = fn();
      if (typeof outcome === 'string' && outcome.startsWith('skip')) t.skip(outcome);
    });
  }
}

test('ESM and CommonJS share one module instance', () => {
  if (esm.api.TokenError !== cjs.api.TokenError) throw new Error('two TokenError classes');
});
