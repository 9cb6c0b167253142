import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/**
 * relu's gradient is linear in dy (the same mask again) and piecewise constant in x, so x
 * gets none.
 */
export const reluGradGrad: GradFn<KernelAttrs['reluGrad']> = ({
  inputs: [x],
  outGrads: [g],
  needsGrad: [, dg],
}) => [null, dg ? applyOp('reluGrad', [x, g], {}) : null];
