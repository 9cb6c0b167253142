import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d(s^x) = s^x log(s) dx. */
export const rpowerScalarGrad: GradFn<KernelAttrs['rpowerScalar']> = ({
  outputs: [y],
  attrs,
  outGrads: [g],
}) => [nd.multiply(g, nd.multiply(y, Math.log(attrs.scalar)))];
