import type { Backend } from '@mxts/core';
import { createTfjsBackend } from '@mxts/tfjs-adapter';
import type { KernelBackend } from '@tensorflow/tfjs-core';
import { cpuBatchMatMul } from './cpu-batch-mat-mul.js';

/** Options of `createCpuBackend`. */
export type CpuBackendOptions = Record<string, never>;

/**
 * MXTS's 'cpu' backend over a TF.js CPU backend instance: shared by the Node entry (all of
 * TF.js's CPU kernels) and the bundler entry (only the kernels MXTS calls). @internal
 */
export function wrapCpuBackend(tfBackend: KernelBackend): Backend {
  // TF.js prints an advert for tfjs-node on first write in Node; MXTS users chose a backend.
  (tfBackend as unknown as { firstUse: boolean }).firstUse = false;
  return createTfjsBackend({
    name: 'cpu',
    deviceType: 'cpu',
    tfBackend,
    tfBackendName: 'cpu',
    capabilities: {
      dtypes: ['float32', 'int32'],
      syncRead: true,
      description: 'TF.js CPU kernels (pure JavaScript)',
    },
    tfKernelPatches: { BatchMatMul: cpuBatchMatMul },
  });
}
