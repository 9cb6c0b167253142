import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx log x = 1/x. */
export const logGrad: GradFn<KernelAttrs['log']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.divide(g, x),
];
