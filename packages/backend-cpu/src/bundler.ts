// The entry bundlers resolve (package.json's "module" condition; Node takes index.ts): the
// same createCpuBackend with only the TF.js kernels MXTS calls registered, so a bundle
// leaves out the others (scripts/bundle-size.mjs measures it, scripts/check-bundled-cpu.mjs
// runs the conformance suite on it).
import type { Backend } from '@mxts/core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu/dist/base.js';
import { type CpuBackendOptions, wrapCpuBackend } from './cpu-backend.js';
import { registerCpuKernels } from './cpu-kernels.js';

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
  registerCpuKernels();
  return wrapCpuBackend(new MathBackendCPU());
}
