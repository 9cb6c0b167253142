import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx cosh x = sinh x. */
export const coshGrad: GradFn<KernelAttrs['cosh']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.multiply(g, nd.sinh(x)),
];
