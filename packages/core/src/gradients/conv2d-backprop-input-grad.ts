import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/**
 * conv2dBackpropInput(dy, w) is the adjoint of x -> conv2d(x, w): <bpInput(dy, w), G> =
 * <dy, conv2d(G, w)>, so dy gets conv2d(G, w) and w gets the filter correlation of G and dy.
 */
export const conv2dBackpropInputGrad: GradFn<KernelAttrs['conv2dBackpropInput']> = ({
  inputs: [dy, w],
  attrs: { shape, ...conv },
  outGrads: [g],
  needsGrad,
}) => [
  needsGrad[0] ? applyOp('conv2d', [g, w], conv) : null,
  needsGrad[1] ? applyOp('conv2dBackpropFilter', [g, dy], { ...conv, shape: [...w.shape] }) : null,
];
