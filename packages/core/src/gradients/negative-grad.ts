import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx -x = -1. */
export const negativeGrad: GradFn<KernelAttrs['negative']> = ({ outGrads: [g] }) => [
  nd.negative(g),
];
