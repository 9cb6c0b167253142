import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d(s x) = s dx. */
export const mulScalarGrad: GradFn<KernelAttrs['mulScalar']> = ({ attrs, outGrads: [g] }) => [
  nd.multiply(g, attrs.scalar),
];
