export {
  cachedConstants,
  createTfjsBackend,
  type TfjsBackendOptions,
} from './create-tfjs-backend.js';
export { KernelContext, type TfKernelPatch } from './kernel-context.js';
export {
  composedPick,
  composedPickScatter,
  type KernelImpl,
  kernelTable,
} from './kernel-table.js';
export { hostPickPositions } from './pick-positions.js';
export { untransposedBatchMatMul } from './untransposed-batch-mat-mul.js';
