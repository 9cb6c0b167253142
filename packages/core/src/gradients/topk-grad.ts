import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';

/** Positions are not differentiable. */
export const topkGrad: GradFn<KernelAttrs['topk']> = () => [null];
