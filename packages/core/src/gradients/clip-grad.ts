import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** Passes where min <= x <= max (MXNet's clip backward zeroes only strictly outside). */
export const clipGrad: GradFn<KernelAttrs['clip']> = ({ inputs: [x], attrs, outGrads: [g] }) => [
  nd.multiply(nd.multiply(g, nd.greaterEqual(x, attrs.min)), nd.lesserEqual(x, attrs.max)),
];
