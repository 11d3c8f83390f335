// The shared suite in Node, through both the ESM and the CommonJS entries of the built package.
import { test } from 'node:test';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { suite } from '../suite.mjs';
import { packageEntry } from './package-path.mjs';

const require = createRequire(import.meta.url);
const vector = (name) => readFileSync(new URL(`../../vectors/${name}`, import.meta.url), 'utf8');
const vectors = JSON.parse(vector('tokens.json'));
const keys = {
  privateKey: vector('rsa-2048.pem'), pkcs1PrivateKey: vector('rsa-2048-pkcs1.pem'), publicKey: vector('rsa-2048-public.pem'),
  smallKey: vector('rsa-1024.pem'), ecKey: vector('ec-p256.pem'),
};
const entries = (kind, load) => Object.fromEntries([['api', '.'], ['testing', './testing'], ['vonage', './vonage'], ['verify', './verify']]
  .map(([name, subpath]) => [name, load(packageEntry(subpath, kind))]));
const esm = entries('import', (path) => import(path));
for (const name of Object.keys(esm)) esm[name] = await esm[name];
const cjs = entries('require', require);

for (const [flavour, entry] of [['esm', esm], ['cjs', cjs]]) {
  for (const [name, fn] of suite({ ...entry, keys, vectors })) {
    test(`${flavour}: ${name}`, async (t) => {
      const outcome = await fn();
      if (typeof outcome === 'string' && outcome.startsWith('skip')) t.skip(outcome);
    });
  }
}

test('ESM and CommonJS share one module instance', () => {
  if (esm.api.TokenError !== cjs.api.TokenError) throw new Error('two TokenError classes');
});
