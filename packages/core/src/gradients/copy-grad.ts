import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';

/** A copy passes the gradient through. */
export const copyGrad: GradFn<KernelAttrs['copy']> = ({ outGrads: [g] }) => [g];
