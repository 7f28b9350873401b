export * from './credit-code.js';
export * from './division-code.js';
export * from './state-machine.js';
export * from './participant.js';
export * from './masking.js';
export * from './error-codes.js';
export * from './credentials/index.js';
