import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';

/** d(x + s) = dx. */
export const plusScalarGrad: GradFn<KernelAttrs['plusScalar']> = ({ outGrads: [g] }) => [g];
