// Node (import): the CommonJS entry, so `import` and `require` share one module instance.
import api from './node.cjs';

export const { generateToken, TokenGenerator, TokenError } = api;
