import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx sqrt x = 1/(2 sqrt x). */
export const sqrtGrad: GradFn<KernelAttrs['sqrt']> = ({ outputs: [y], outGrads: [g] }) => [
  nd.divide(g, nd.multiply(y, 2)),
];
