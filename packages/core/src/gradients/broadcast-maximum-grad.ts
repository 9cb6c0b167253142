import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';
import { sumTo } from '../ops/sum-to.js';

/** The larger operand takes the gradient; ties go to `a` (MXNet's ge/lt masks). */
export const broadcastMaximumGrad: GradFn<KernelAttrs['broadcastMaximum']> = ({
  inputs: [a, b],
  outGrads: [g],
  needsGrad: [da, db],
}) => [
  da ? sumTo(nd.multiply(g, nd.greaterEqual(a, b)), a.shape) : null,
  db ? sumTo(nd.multiply(g, nd.lesser(a, b)), b.shape) : null,
];
