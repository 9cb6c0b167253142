import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/** Each window's first maximum takes the window's gradient (MXNet's unpool_max). */
export const maxPool2dGrad: GradFn<KernelAttrs['maxPool2d']> = ({
  inputs: [x],
  attrs,
  outGrads: [g],
}) => [applyOp('maxPool2dGrad', [x, g], attrs)];
