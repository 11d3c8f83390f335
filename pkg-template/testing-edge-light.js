import './edge-light.js';

export { generateTokenAt, generatorTokenAt, wasmMemoryBytes, wasmMemoryCopy } from './lib/testing.js';
