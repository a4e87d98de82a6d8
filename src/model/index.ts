export * from './enums.js';
export * from './primitives.js';
export * from './partnership.js';
export * from './session.js';
export * from './repository.js';
export * from './rating.js';
export { fieldsReference } from './fields-doc.js';
