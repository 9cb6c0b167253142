import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import * as nd from '../ops/index.js';

/** d(ab) = b da + a db. */
export const elemwiseMulGrad: GradFn<KernelAttrs['elemwiseMul']> = ({
  inputs: [a, b],
  outGrads: [g],
}) => [nd.multiply(g, b), nd.multiply(g, a)];
