import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx sigmoid x = y (1 - y). */
export const sigmoidGrad: GradFn<KernelAttrs['sigmoid']> = ({ outputs: [y], outGrads: [g] }) => [
  nd.multiply(g, nd.multiply(y, nd.subtract(1, y))),
];
