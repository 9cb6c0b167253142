import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/** The adjoint of placing g at the picked positions is picking at them again. */
export const pickScatterGrad: GradFn<KernelAttrs['pickScatter']> = ({
  inputs: [g, index],
  attrs: { axis },
  outGrads: [gg],
}) => [applyOp('pick', [gg, index], { axis, keepdims: g.ndim === gg.ndim }), null];
