import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** Passes where x >= s (ties included, as MXNet's ge mask). */
export const maximumScalarGrad: GradFn<KernelAttrs['maximumScalar']> = ({
  inputs: [x],
  attrs,
  outGrads: [g],
}) => [nd.multiply(g, nd.greaterEqual(x, attrs.scalar))];
