import type { Backend } from '@mxts/core';
import { createTfjsBackend } from '@mxts/tfjs-adapter';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { cpuBatchMatMul } from './cpu-batch-mat-mul.js';

/** Options of `createCpuBackend`. */
export type CpuBackendOptions = Record<string, never>;

/**
 * The pure-JavaScript CPU backend (TF.js's CPU kernels), context `cpu(0)`, with
 * synchronous reads. Runs anywhere JavaScript runs.
 *
 * @example
 * import * as mx from '@mxts/core';
 * import { createCpuBackend } from '@mxts/backend-cpu';
 * mx.useBackend(await createCpuBackend());
 */
export async function createCpuBackend(_options: CpuBackendOptions = {}): Promise<Backend> {
  const tfBackend = new MathBackendCPU();
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
