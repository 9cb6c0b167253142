import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { sumTo } from '../ops/sum-to.js';

/** Each input element was copied along the broadcast axes: sum the gradient back. */
export const broadcastToGrad: GradFn<KernelAttrs['broadcastTo']> = ({
  inputs: [x],
  outGrads: [g],
}) => [sumTo(g, x.shape)];
