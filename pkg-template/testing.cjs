'use strict';
const { generateTokenAt, generatorTokenAt, wasmMemoryBytes, wasmMemoryCopy } = require('./lib/node.cjs');

module.exports = { generateTokenAt, generatorTokenAt, wasmMemoryBytes, wasmMemoryCopy };
