import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { applyOp } from '../ops/apply-op.js';

/** Each picked element gets its output's gradient, every other element 0; the index none. */
export const pickGrad: GradFn<KernelAttrs['pick']> = ({
  inputs: [data, index],
  attrs: { axis },
  outGrads: [g],
}) => [applyOp('pickScatter', [g, index], { axis, shape: [...data.shape] }), null];
