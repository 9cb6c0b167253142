import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';

/** d(a + b) = da + db. */
export const elemwiseAddGrad: GradFn<KernelAttrs['elemwiseAdd']> = ({
  outGrads: [g],
  needsGrad: [da, db],
}) => [da ? g : null, db ? g : null];
