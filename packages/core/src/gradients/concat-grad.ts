import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/** Each input gets its own part of the gradient, sliced along the concat axis. */
export const concatGrad: GradFn<KernelAttrs['concat']> = ({ inputs, attrs, outGrads: [g] }) => {
  let offset = 0;
  return inputs.map((x) => {
    const begin = x.shape.map((_, i) => (i === attrs.axis ? offset : 0));
    offset += x.shape[attrs.axis];
    return applyOp('slice', [g], { begin, size: [...x.shape], step: x.shape.map(() => 1) });
  });
};
