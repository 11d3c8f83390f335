'use strict';
// Node (require) and Bun.
const { generateToken, TokenGenerator, TokenError } = require('./lib/node.cjs');

module.exports = { generateToken, TokenGenerator, TokenError };
