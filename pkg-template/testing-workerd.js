import './workerd.js';

export { generateTokenAt, generatorTokenAt } from './lib/api.js';
