import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/**
 * The gradient flows to whichever operand was chosen; the condition gets none. The other
 * side gets g * 0 (NaN where g is NaN or Inf, as MXNet's ograd * 0), and an operand that
 * leads to no variable (pick's zeros) gets nothing.
 */
export const whereGrad: GradFn<KernelAttrs['where']> = ({
  inputs: [cond],
  outGrads: [g],
  needsGrad: [, dt, de],
}) => {
  const zero = dt || de ? nd.multiply(g, 0) : null;
  return [
    null,
    dt && zero ? nd.where(cond, g, zero) : null,
    de && zero ? nd.where(cond, zero, g) : null,
  ];
};
