'use strict';
require('./node.cjs');
const { generateTokenAt, generatorTokenAt } = require('./lib/api.cjs');
module.exports = { generateTokenAt, generatorTokenAt };
