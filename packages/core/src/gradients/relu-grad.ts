import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx relu x = 1 where x > 0, else 0. */
export const reluGrad: GradFn<KernelAttrs['relu']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.multiply(g, nd.greater(x, 0)),
];
