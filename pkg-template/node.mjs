// Node (import): the CommonJS module, so `import` and `require` share one module instance.
import node from './lib/node.cjs';

export const { generateToken, TokenGenerator, TokenError } = node;
