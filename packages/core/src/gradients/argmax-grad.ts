import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';

/** Positions are not differentiable. */
export const argmaxGrad: GradFn<KernelAttrs['argmax']> = () => [null];
