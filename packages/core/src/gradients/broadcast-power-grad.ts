import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';
import { sumTo } from '../ops/sum-to.js';

/** d(a^b) = b a^(b-1) da + a^b log(a) db, as MXNet's power_grad. */
export const broadcastPowerGrad: GradFn<KernelAttrs['broadcastPower']> = ({
  inputs: [a, b],
  outputs: [y],
  outGrads: [g],
  needsGrad: [da, db],
}) => [
  da ? sumTo(nd.multiply(g, nd.multiply(b, nd.power(a, nd.subtract(b, 1)))), a.shape) : null,
  db ? sumTo(nd.multiply(g, nd.multiply(y, nd.log(a))), b.shape) : null,
];
