import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx sin x = cos x. */
export const sinGrad: GradFn<KernelAttrs['sin']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.multiply(g, nd.cos(x)),
];
