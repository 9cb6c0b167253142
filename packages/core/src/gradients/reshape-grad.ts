import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/** Reshaping moves no values: the gradient is reshaped back. */
export const reshapeGrad: GradFn<KernelAttrs['reshape']> = ({ inputs: [x], outGrads: [g] }) => [
  applyOp('reshape', [g], { shape: [...x.shape] }),
];
