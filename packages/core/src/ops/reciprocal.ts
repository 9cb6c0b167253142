import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.reciprocal(x)`: 1/x, elementwise.
 *
 * @example
 * mx.nd.reciprocal(mx.nd.array([2, 4])); // [0.5  0.25]
 */
export function reciprocal(x: NDArray): NDArray {
  checkNDArray('reciprocal', 'x', x);
  return applyOp('reciprocal', [x], {});
}
