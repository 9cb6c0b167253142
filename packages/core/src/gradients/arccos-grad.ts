import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx arccos x = -1/sqrt(1 - x^2). */
export const arccosGrad: GradFn<KernelAttrs['arccos']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.negative(nd.divide(g, nd.sqrt(nd.subtract(1, nd.square(x))))),
];
