import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d(s / x) = -s/x^2 dx = -(y/x) dx. */
export const rdivScalarGrad: GradFn<KernelAttrs['rdivScalar']> = ({
  inputs: [x],
  outputs: [y],
  outGrads: [g],
}) => [nd.negative(nd.divide(nd.multiply(g, y), x))];
