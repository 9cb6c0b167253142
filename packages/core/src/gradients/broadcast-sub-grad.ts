import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';
import { sumTo } from '../ops/sum-to.js';

/** d(a - b) = da - db, summed back over broadcast axes. */
export const broadcastSubGrad: GradFn<KernelAttrs['broadcastSub']> = ({
  inputs: [a, b],
  outGrads: [g],
  needsGrad: [da, db],
}) => [da ? sumTo(g, a.shape) : null, db ? sumTo(nd.negative(g), b.shape) : null];
