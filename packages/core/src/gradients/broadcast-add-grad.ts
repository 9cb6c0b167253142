import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { sumTo } from '../ops/sum-to.js';

/** Sums each gradient back over the axes its input was broadcast along. */
export const broadcastAddGrad: GradFn<KernelAttrs['broadcastAdd']> = ({
  inputs: [a, b],
  outGrads: [g],
  needsGrad: [da, db],
}) => [da ? sumTo(g, a.shape) : null, db ? sumTo(g, b.shape) : null];
