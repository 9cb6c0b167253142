import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d(x / s) = dx / s. */
export const divScalarGrad: GradFn<KernelAttrs['divScalar']> = ({ attrs, outGrads: [g] }) => [
  nd.divide(g, attrs.scalar),
];
