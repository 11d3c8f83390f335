// Where the Node tests load the package from: the built pkg/ directory, resolved through its
// own package.json "exports" so the conditions under test are the published ones; and where a
// module's stack ends.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkgDir = new URL('../../../pkg/', import.meta.url);

export function packageEntry(subpath, kind) {
  const manifest = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8'));
  const conditions = manifest.exports[subpath];
  const target = kind === 'require' ? conditions.require : conditions.default;
  return fileURLToPath(new URL(target, pkgDir));
}

/** The top of the module's stack: the initial value of its first global, `__stack_pointer`. */
export function stackTop(file) {
  const wasm = readFileSync(new URL(`../../../pkg/lib/${file}`, import.meta.url));
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < wasm.length) {
    const id = wasm[at++];
    const size = leb();
    if (id === 6) {
      leb(); // count
      if (wasm[at] !== 0x7f || wasm[at + 1] !== 1 || wasm[at + 2] !== 0x41) throw new Error('global 0 is not a mutable i32 set by i32.const');
      at += 3;
      return leb();
    }
    at += size;
  }
  throw new Error('the module has no globals');
}
