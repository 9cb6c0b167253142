import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/** Gathering at the maxima is the adjoint of scattering to them; x gets none. */
export const maxPool2dGatherGrad: GradFn<KernelAttrs['maxPool2dGather']> = ({
  inputs: [x],
  attrs,
  outGrads: [g],
}) => [null, applyOp('maxPool2dGrad', [x, g], attrs)];
