import './inline.js';

export { generateTokenAt, generatorTokenAt } from './lib/api.js';
