import './edge-light.js';

export { generateTokenAt, generatorTokenAt } from './lib/api.js';
