import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx sinh x = cosh x. */
export const sinhGrad: GradFn<KernelAttrs['sinh']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.multiply(g, nd.cosh(x)),
];
