import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d/dx (e^x - 1) = e^x = y + 1. */
export const expm1Grad: GradFn<KernelAttrs['expm1']> = ({ outputs: [y], outGrads: [g] }) => [
  nd.multiply(g, nd.add(y, 1)),
];
