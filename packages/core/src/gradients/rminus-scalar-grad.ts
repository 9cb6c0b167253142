import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d(s - x) = -dx. */
export const rminusScalarGrad: GradFn<KernelAttrs['rminusScalar']> = ({ outGrads: [g] }) => [
  nd.negative(g),
];
