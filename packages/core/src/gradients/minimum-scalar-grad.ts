import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** Passes where x <= s (ties included, as MXNet's le mask). */
export const minimumScalarGrad: GradFn<KernelAttrs['minimumScalar']> = ({
  inputs: [x],
  attrs,
  outGrads: [g],
}) => [nd.multiply(g, nd.lesserEqual(x, attrs.scalar))];
