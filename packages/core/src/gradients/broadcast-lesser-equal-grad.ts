import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';

/** Comparisons are piecewise constant: no gradient flows, as MXNet. */
export const broadcastLesserEqualGrad: GradFn<KernelAttrs['broadcastLesserEqual']> = () => [
  null,
  null,
];
