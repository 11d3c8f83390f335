import './edge-light.js';

export { generateTokenAt, generatorTokenAt, wasmMemoryBytes } from './lib/api.js';
