import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/**
 * The max-pool gradient is linear in dy (its adjoint gathers at the same maxima) and
 * piecewise constant in x (the maxima do not move under a small change), so x gets none.
 */
export const maxPool2dGradGrad: GradFn<KernelAttrs['maxPool2dGrad']> = ({
  inputs: [x],
  attrs,
  outGrads: [g],
}) => [null, applyOp('maxPool2dGather', [x, g], attrs)];
