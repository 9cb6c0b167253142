import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';
import { sumTo } from '../ops/sum-to.js';

/** d(a - b) = da - db, summed back over broadcast axes. */
export const broadcastSubGrad: GradFn<KernelAttrs['broadcastSub']> = ({
  inputs: [a, b],
  outGrads: [g],
}) => [sumTo(g, a.shape), sumTo(nd.negative(g), b.shape)];
