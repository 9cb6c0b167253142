import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/**
 * Convolution is bilinear: its data gradient is the transposed convolution of dy with the
 * weight, its weight gradient the correlation of the data with dy. Both are kernels with
 * rules of their own, so the gradient differentiates again.
 */
export const conv2dGrad: GradFn<KernelAttrs['conv2d']> = ({
  inputs: [x, w],
  attrs,
  outGrads: [g],
  needsGrad,
}) => [
  // A network's first layer needs no data gradient: skipping it halves its backward.
  needsGrad[0] ? applyOp('conv2dBackpropInput', [g, w], { ...attrs, shape: [...x.shape] }) : null,
  needsGrad[1] ? applyOp('conv2dBackpropFilter', [x, g], { ...attrs, shape: [...w.shape] }) : null,
];
