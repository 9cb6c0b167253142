import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx arcsinh x = 1/sqrt(x^2 + 1). */
export const arcsinhGrad: GradFn<KernelAttrs['arcsinh']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.divide(g, nd.sqrt(nd.add(nd.square(x), 1))),
];
