import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx x^-1/2 = -x^-3/2 / 2 = -y/(2x). */
export const rsqrtGrad: GradFn<KernelAttrs['rsqrt']> = ({
  inputs: [x],
  outputs: [y],
  outGrads: [g],
}) => [nd.multiply(g, nd.multiply(nd.divide(y, x), -0.5))];
