import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx arccosh x = 1/(sqrt(x - 1) sqrt(x + 1)). */
export const arccoshGrad: GradFn<KernelAttrs['arccosh']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.divide(g, nd.multiply(nd.sqrt(nd.subtract(x, 1)), nd.sqrt(nd.add(x, 1)))),
];
