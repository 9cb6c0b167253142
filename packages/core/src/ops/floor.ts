import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.floor(x)`: the largest integer <= x, elementwise.
 *
 * @example
 * mx.nd.floor(mx.nd.array([1.5, -1.5])); // [ 1. -2.]
 */
export function floor(x: NDArray): NDArray {
  checkNDArray('floor', 'x', x);
  return applyOp('floor', [x], {});
}
