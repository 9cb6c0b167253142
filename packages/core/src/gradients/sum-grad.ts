import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { unreduce } from './unreduce.js';

/** Every summed element gets the gradient of its sum. */
export const sumGrad: GradFn<KernelAttrs['sum']> = ({ inputs: [x], attrs, outGrads: [g] }) => [
  unreduce(g, x, attrs),
];
