import './inline.js';

export { generateTokenAt, generatorTokenAt, wasmMemoryBytes } from './lib/api.js';
