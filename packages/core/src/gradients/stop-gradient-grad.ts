import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';

/** BlockGrad: nothing flows back. */
export const stopGradientGrad: GradFn<KernelAttrs['stopGradient']> = () => [null];
