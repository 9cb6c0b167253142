import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx cos x = -sin x. */
export const cosGrad: GradFn<KernelAttrs['cos']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.negative(nd.multiply(g, nd.sin(x))),
];
