import node from './lib/node.cjs';

export const { generateTokenAt, generatorTokenAt, wasmMemoryBytes, wasmMemoryCopy } = node;
