'use strict';
// Node (require) and Bun: read the module next to this file and compile it synchronously.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { initSync } = require('./lib/glue.cjs');

initSync({ module: readFileSync(join(__dirname, 'lib', 'vonage_video_token_bg.wasm')) });
const { generateToken, TokenGenerator, TokenError } = require('./lib/api.cjs');
module.exports = { generateToken, TokenGenerator, TokenError };
