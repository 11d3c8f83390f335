// What every copy of this package's code in one JavaScript realm shares. Each entry is a
// self-contained file per runtime (ESM, CommonJS, edge), so an app that loads the package through
// `import` and `require`, or through several entries, runs several copies of this code; they find
// one another here and share one TokenError class and one instance of each WebAssembly module.
// Keyed by the package version: two versions never share.
const KEY = Symbol.for(`vonage-video-token@${__PACKAGE_VERSION__}`);

function registry() {
  const existing = globalThis[KEY];
  if (typeof existing === 'object' && existing !== null) return existing;
  const fresh = { __proto__: null };
  try {
    Object.defineProperty(globalThis, KEY, { value: fresh });
  } catch {
    // A frozen global object: this copy keeps its own.
  }
  return fresh;
}

export const shared = registry();
