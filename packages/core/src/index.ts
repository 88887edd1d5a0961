/**
 * @seam-codes/core: Seam access codes without a DOM. The API client, the rules that decide what a
 * device accepts, time zones, the lifecycle of a code and its verification.
 */
export * from './client/index.js';
export * from './codes/index.js';
export * from './domain/index.js';
export * from './lifecycle/index.js';
export * from './verify/index.js';
