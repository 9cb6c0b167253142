import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx e^x = e^x, reusing the output. */
export const expGrad: GradFn<KernelAttrs['exp']> = ({ outputs: [y], outGrads: [g] }) => [
  nd.multiply(g, y),
];
