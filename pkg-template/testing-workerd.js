import './workerd.js';

export { generateTokenAt, generatorTokenAt, wasmMemoryBytes } from './lib/api.js';
