import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/** Sums the gradient over the copies: view it as (r0, d0, r1, d1, ...) and sum the r axes. */
export const tileGrad: GradFn<KernelAttrs['tile']> = ({ inputs: [x], attrs, outGrads: [g] }) => {
  const pairs = x.shape.flatMap((d, i) => [attrs.reps[i], d]);
  const axis = x.shape.map((_, i) => 2 * i);
  const split = applyOp('reshape', [g], { shape: pairs });
  const summed = applyOp('sum', [split], { axis, keepdims: false });
  return [applyOp('reshape', [summed], { shape: [...x.shape] })];
};
