import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d(a/b) = da/b - (a/b) db/b. */
export const elemwiseDivGrad: GradFn<KernelAttrs['elemwiseDiv']> = ({
  inputs: [, b],
  outputs: [y],
  outGrads: [g],
  needsGrad: [da, db],
}) => [da ? nd.divide(g, b) : null, db ? nd.negative(nd.divide(nd.multiply(g, y), b)) : null];
