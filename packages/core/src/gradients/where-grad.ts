import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** The gradient flows to whichever operand was chosen; the condition gets none. */
export const whereGrad: GradFn<KernelAttrs['where']> = ({ inputs: [cond], outGrads: [g] }) => {
  const zero = nd.multiply(g, 0);
  return [null, nd.where(cond, g, zero), nd.where(cond, zero, g)];
};
