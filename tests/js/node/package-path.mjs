// Where the Node tests load the package from: the built pkg/ directory, resolved through its
// own package.json "exports" so the conditions under test are the published ones.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkgDir = new URL('../../../pkg/', import.meta.url);

export function packageEntry(subpath, kind) {
  const manifest = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8'));
  const target = manifest.exports[subpath].node[kind];
  return fileURLToPath(new URL(target, pkgDir));
}
