import api from './testing.cjs';

export const { generateTokenAt, generatorTokenAt, wasmMemoryBytes } = api;
