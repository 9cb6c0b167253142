import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/** The adjoint of scattering into a slice is taking that slice. */
export const sliceScatterGrad: GradFn<KernelAttrs['sliceScatter']> = ({ attrs, outGrads: [g] }) => [
  applyOp('slice', [g], { begin: attrs.begin, size: attrs.size, step: attrs.step }),
];
