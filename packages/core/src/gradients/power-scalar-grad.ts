import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d(x^s) = s x^(s-1) dx. */
export const powerScalarGrad: GradFn<KernelAttrs['powerScalar']> = ({
  inputs: [x],
  attrs,
  outGrads: [g],
}) => [nd.multiply(g, nd.multiply(nd.power(x, attrs.scalar - 1), attrs.scalar))];
