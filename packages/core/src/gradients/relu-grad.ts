import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/** d/dx relu x = 1 where x > 0, else 0: one fused kernel (MXNet's `_backward_relu`). */
export const reluGrad: GradFn<KernelAttrs['relu']> = ({ inputs: [x], outGrads: [g] }) => [
  applyOp('reluGrad', [x, g], {}),
];
