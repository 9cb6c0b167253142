import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx log(1 + x) = 1/(1 + x). */
export const log1pGrad: GradFn<KernelAttrs['log1p']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.divide(g, nd.add(x, 1)),
];
