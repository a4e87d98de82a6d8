export * from './stages.js';
export * from './gates.js';
export * from './health.js';
export * from './figures.js';
