import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/** The adjoint of a scatter-add at indices is a gather at the same indices. */
export const takeScatterGrad: GradFn<KernelAttrs['takeScatter']> = ({
  inputs: [, indices],
  attrs,
  outGrads: [g],
}) => [applyOp('take', [g, indices], { axis: attrs.axis, mode: attrs.mode }), null];
