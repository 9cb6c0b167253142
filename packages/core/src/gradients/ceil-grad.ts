import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';

/** Piecewise constant: the gradient is zero (no contribution), as MXNet. */
export const ceilGrad: GradFn<KernelAttrs['ceil']> = () => [null];
