import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx arctan x = 1/(1 + x^2). */
export const arctanGrad: GradFn<KernelAttrs['arctan']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.divide(g, nd.add(nd.square(x), 1)),
];
