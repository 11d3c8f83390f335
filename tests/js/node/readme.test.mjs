// The README's JavaScript examples must stay true to the package: each block parses, and every
// name it imports from the package is one the package exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { packageEntry } from './package-path.mjs';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
const api = await import(packageEntry('.', 'import'));
const entries = {
  'vonage-video-token': api,
  'npm:vonage-video-token': api,
  'vonage-video-token/testing': await import(packageEntry('./testing', 'import')),
  'vonage-video-token/vonage': await import(packageEntry('./vonage', 'import')),
  'vonage-video-token/verify': await import(packageEntry('./verify', 'import')),
  'vonage-video-token/video': await import(packageEntry('./video', 'import')),
};

test('the README has JavaScript examples', () => {
  assert.ok(blocks.length >= 6, `found ${blocks.length}`);
});

for (const [index, block] of blocks.entries()) {
  test(`README example ${index + 1} parses and imports only real exports`, () => {
    // CommonJS and ESM lines are mixed in one example on purpose; check them as separate snippets.
    const sources = block.includes('require(') ? block.split('\n').filter((line) => line.trim()) : [block];
    for (const source of sources) transformSync(source, { loader: 'js', format: 'esm', logLevel: 'silent' });
    for (const [, names, from] of block.matchAll(/(?:import|const)\s*\{([^}]+)\}\s*(?:from|=\s*require\()\s*'([^']+)'/g)) {
      // Every import from the package is checked; other modules (none so far) are not ours.
      const entry = entries[from];
      if (from.includes('vonage-video-token')) assert.ok(entry, `example ${index + 1} imports from ${from}, which is not an entry of the package`);
      if (!entry) continue;
      for (const name of names.split(',').map((n) => n.trim()).filter(Boolean)) {
        assert.ok(name in entry, `example ${index + 1} imports ${name} from ${from}, which does not export it`);
      }
    }
  });
}
