import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/** The gradient is transposed by the inverse permutation. */
export const transposeGrad: GradFn<KernelAttrs['transpose']> = ({ attrs, outGrads: [g] }) => {
  const inverse = new Array<number>(attrs.axes.length);
  attrs.axes.forEach((a, i) => {
    inverse[a] = i;
  });
  return [applyOp('transpose', [g], { axes: inverse })];
};
