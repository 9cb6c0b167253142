import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { takeScatter } from '../ops/take-scatter.js';

/** Rows that were gathered get their gradients summed back; indices get none. */
export const takeGrad: GradFn<KernelAttrs['take']> = ({
  inputs: [a, indices],
  attrs,
  outGrads: [g],
}) => [
  takeScatter(g, indices, { axis: attrs.axis, size: a.shape[attrs.axis], mode: attrs.mode }),
  null,
];
