export { createTfjsBackend, type TfjsBackendOptions } from './create-tfjs-backend.js';
export { KernelContext } from './kernel-context.js';
export { type KernelImpl, kernelTable } from './kernel-table.js';
