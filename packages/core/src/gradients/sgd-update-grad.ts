import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** weight*decay - grad*step is linear: g*decay for the weight, -g*step for the gradient. */
export const sgdUpdateGrad: GradFn<KernelAttrs['sgdUpdate']> = ({
  attrs: { decay, step },
  outGrads: [g],
  needsGrad,
}) => [needsGrad[0] ? nd.multiply(g, decay) : null, needsGrad[1] ? nd.multiply(g, -step) : null];
