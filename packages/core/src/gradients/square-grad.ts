import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx x^2 = 2x. */
export const squareGrad: GradFn<KernelAttrs['square']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.multiply(g, nd.multiply(x, 2)),
];
