export * from './types.js';
export * from './walk.js';
export * from './equal.js';
export * from './identity.js';
export * from './source-map.js';
export * from './depth.js';
