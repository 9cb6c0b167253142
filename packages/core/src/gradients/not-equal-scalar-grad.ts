import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';

/** Comparisons are piecewise constant: no gradient flows, as MXNet. */
export const notEqualScalarGrad: GradFn<KernelAttrs['notEqualScalar']> = () => [null];
