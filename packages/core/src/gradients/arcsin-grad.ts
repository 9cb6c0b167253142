import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx arcsin x = 1/sqrt(1 - x^2). */
export const arcsinGrad: GradFn<KernelAttrs['arcsin']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.divide(g, nd.sqrt(nd.subtract(1, nd.square(x)))),
];
