import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { zeroGradient } from './zero-gradient.js';

/** Comparisons are piecewise constant: the gradient is zero, as MXNet (recorded zeros under createGraph). */
export const broadcastLesserGrad: GradFn<KernelAttrs['broadcastLesser']> = ({
  inputs: [a, b],
  needsGrad,
}) => [zeroGradient(a, needsGrad[0]), zeroGradient(b, needsGrad[1])];
