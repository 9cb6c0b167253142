import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d(a - b) = da - db. */
export const elemwiseSubGrad: GradFn<KernelAttrs['elemwiseSub']> = ({
  outGrads: [g],
  needsGrad: [da, db],
}) => [da ? g : null, db ? nd.negative(g) : null];
