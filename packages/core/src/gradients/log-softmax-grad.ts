import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/**
 * MXNet's `_backward_log_softmax`: g - exp(y) * sum(g, axis), from the output y = log
 * softmax(x), written with ops so `createGraph` differentiates it again.
 */
export const logSoftmaxGrad: GradFn<KernelAttrs['logSoftmax']> = ({
  outputs: [y],
  attrs: { axis },
  outGrads: [g],
}) => [nd.subtract(g, nd.multiply(nd.exp(y), nd.sum(g, { axis, keepdims: true })))];
