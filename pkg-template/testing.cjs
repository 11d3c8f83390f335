'use strict';
require('./node.cjs');
const { generateTokenAt, generatorTokenAt, wasmMemoryBytes } = require('./lib/api.cjs');
module.exports = { generateTokenAt, generatorTokenAt, wasmMemoryBytes };
