import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx log(1 + e^x) = sigmoid x. */
export const softreluGrad: GradFn<KernelAttrs['softrelu']> = ({ inputs: [x], outGrads: [g] }) => [
  nd.multiply(g, nd.sigmoid(x)),
];
