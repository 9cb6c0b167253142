import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx |x| = sign(x) (0 at 0, as MXNet). */
export const absGrad: GradFn<KernelAttrs['abs']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.multiply(g, nd.sign(x)),
];
