import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';
import { keptDims } from './unreduce.js';

/** d(prod)/dx_i = prod / x_i, as MXNet (NaN where x_i = 0, like MXNet). */
export const prodGrad: GradFn<KernelAttrs['prod']> = ({
  inputs: [x],
  outputs: [y],
  attrs,
  outGrads: [g],
}) => [nd.divide(nd.multiply(keptDims(g, x, attrs), keptDims(y, x, attrs)), x)];
