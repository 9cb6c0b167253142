import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { zeroGradient } from './zero-gradient.js';

/** Comparisons are piecewise constant: the gradient is zero, as MXNet (recorded zeros under createGraph). */
export const greaterEqualScalarGrad: GradFn<KernelAttrs['greaterEqualScalar']> = ({
  inputs: [x],
  needsGrad,
}) => [zeroGradient(x, needsGrad[0])];
