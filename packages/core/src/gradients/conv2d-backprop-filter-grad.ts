import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/**
 * conv2dBackpropFilter(x, dy) is the adjoint of w -> conv2d(x, w): <bpFilter(x, dy), G> =
 * <dy, conv2d(x, G)>, so x gets the transposed convolution of dy with G, dy gets conv2d(x, G).
 */
export const conv2dBackpropFilterGrad: GradFn<KernelAttrs['conv2dBackpropFilter']> = ({
  inputs: [x, dy],
  attrs: { shape, ...conv },
  outGrads: [g],
  needsGrad,
}) => [
  needsGrad[0] ? applyOp('conv2dBackpropInput', [dy, g], { ...conv, shape: [...x.shape] }) : null,
  needsGrad[1] ? applyOp('conv2d', [x, g], conv) : null,
];
