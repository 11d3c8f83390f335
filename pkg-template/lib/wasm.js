// How an entry hands the layer a WebAssembly module: `{ compile, instantiate }`, where compile()
// returns a compiled WebAssembly.Module (imported by the runtime's bundler, or compiled here from
// bytes carried in the entry itself) and instantiate(module) returns a fresh instance's exports.

/** The bytes of base64 `text`, with the fastest decoder the runtime has. */
export function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const NodeBuffer = globalThis.Buffer;
  if (typeof NodeBuffer?.from === 'function') return NodeBuffer.from(text, 'base64');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * `module` itself when it is a compiled WebAssembly.Module (checked by its brand, not instanceof:
 * Next.js compiles an edge route's `.wasm?module` import in another realm), else compiled from
 * its bytes.
 */
export function compiled(module) {
  return Object.prototype.toString.call(module) === '[object WebAssembly.Module]' ? module : new WebAssembly.Module(module);
}
