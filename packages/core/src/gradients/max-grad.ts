import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';
import { keptDims } from './unreduce.js';

/** Every element equal to the max takes the full gradient (ties each get it, as MXNet). */
export const maxGrad: GradFn<KernelAttrs['max']> = ({
  inputs: [x],
  outputs: [y],
  attrs,
  outGrads: [g],
}) => [nd.multiply(keptDims(g, x, attrs), nd.equal(x, keptDims(y, x, attrs)))];
