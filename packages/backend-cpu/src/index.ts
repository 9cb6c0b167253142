import type { Backend } from '@mxts/core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { type CpuBackendOptions, wrapCpuBackend } from './cpu-backend.js';

export type { CpuBackendOptions } from './cpu-backend.js';

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
  return wrapCpuBackend(new MathBackendCPU());
}
