import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx tan x = 1 + tan^2 x. */
export const tanGrad: GradFn<KernelAttrs['tan']> = ({ outputs: [y], outGrads: [g] }) => [
  nd.multiply(g, nd.add(nd.square(y), 1)),
];
