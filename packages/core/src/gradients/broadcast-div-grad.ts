import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';
import { sumTo } from '../ops/sum-to.js';

/** d(a/b) = da/b - (a/b) db/b, summed back over broadcast axes. */
export const broadcastDivGrad: GradFn<KernelAttrs['broadcastDiv']> = ({
  inputs: [a, b],
  outputs: [y],
  outGrads: [g],
  needsGrad: [da, db],
}) => [
  da ? sumTo(nd.divide(g, b), a.shape) : null,
  db ? sumTo(nd.negative(nd.divide(nd.multiply(g, y), b)), b.shape) : null,
];
