import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx tanh x = 1 - tanh^2 x. */
export const tanhGrad: GradFn<KernelAttrs['tanh']> = ({ outputs: [y], outGrads: [g] }) => [
  nd.multiply(g, nd.subtract(1, nd.square(y))),
];
