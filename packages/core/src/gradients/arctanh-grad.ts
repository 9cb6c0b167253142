import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx arctanh x = 1/(1 - x^2). */
export const arctanhGrad: GradFn<KernelAttrs['arctanh']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.divide(g, nd.subtract(1, nd.square(x))),
];
