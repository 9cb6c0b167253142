import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { sliceScatter } from '../ops/slice-scatter.js';

/** The gradient goes back to the sliced positions; elsewhere it is zero. */
export const sliceGrad: GradFn<KernelAttrs['slice']> = ({ inputs: [x], attrs, outGrads: [g] }) => [
  sliceScatter(g, { shape: [...x.shape], ...attrs }),
];
