import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';
import { unreduce } from './unreduce.js';

/** Every averaged element gets 1/n of the gradient of its mean. */
export const meanGrad: GradFn<KernelAttrs['mean']> = ({ inputs: [x], attrs, outGrads: [g] }) => {
  const n = attrs.axis.reduce((p, a) => p * x.shape[a], 1);
  return [nd.divide(unreduce(g, x, attrs), n)];
};
