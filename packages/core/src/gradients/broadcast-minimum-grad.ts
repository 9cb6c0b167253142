import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';
import { sumTo } from '../ops/sum-to.js';

/** The smaller operand takes the gradient; ties go to `a` (MXNet's le/gt masks). */
export const broadcastMinimumGrad: GradFn<KernelAttrs['broadcastMinimum']> = ({
  inputs: [a, b],
  outGrads: [g],
  needsGrad: [da, db],
}) => [
  da ? sumTo(nd.multiply(g, nd.lesserEqual(a, b)), a.shape) : null,
  db ? sumTo(nd.multiply(g, nd.greater(a, b)), b.shape) : null,
];
