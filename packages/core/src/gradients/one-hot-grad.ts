import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';

/** Indices are not differentiable. */
export const oneHotGrad: GradFn<KernelAttrs['oneHot']> = () => [null];
