import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx 1/x = -1/x^2 = -y^2. */
export const reciprocalGrad: GradFn<KernelAttrs['reciprocal']> = ({
  outputs: [y],
  outGrads: [g],
}) => [nd.negative(nd.multiply(g, nd.square(y)))];
