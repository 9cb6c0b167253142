import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/** The gradient is cast back to the input's dtype. */
export const castGrad: GradFn<KernelAttrs['cast']> = ({ inputs: [x], outGrads: [g] }) => [
  applyOp('cast', [g], { dtype: x.dtype }),
];
