import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';
import { sumTo } from '../ops/sum-to.js';

/** d(ab) = b da + a db, summed back over broadcast axes. */
export const broadcastMulGrad: GradFn<KernelAttrs['broadcastMul']> = ({
  inputs: [a, b],
  outGrads: [g],
  needsGrad: [da, db],
}) => [
  da ? sumTo(nd.multiply(g, b), a.shape) : null,
  db ? sumTo(nd.multiply(g, a), b.shape) : null,
];
