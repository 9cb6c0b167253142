import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.round(x)`: x rounded to the nearest integer, halves away from zero (MXNet, not banker's).
 *
 * @example
 * mx.nd.round(mx.nd.array([0.5, 1.5, -2.5])); // [ 1.  2. -3.]
 */
export function round(x: NDArray): NDArray {
  checkNDArray('round', 'x', x);
  return applyOp('round', [x], {});
}
