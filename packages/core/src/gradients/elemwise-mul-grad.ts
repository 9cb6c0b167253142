import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d(ab) = b da + a db. */
export const elemwiseMulGrad: GradFn<KernelAttrs['elemwiseMul']> = ({
  inputs: [a, b],
  outGrads: [g],
  needsGrad: [da, db],
}) => [da ? nd.multiply(g, b) : null, db ? nd.multiply(g, a) : null];
