import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.square(x)`: x*x, elementwise.
 *
 * @example
 * mx.nd.square(mx.nd.array([2, 3])); // [4. 9.]
 */
export function square(x: NDArray): NDArray {
  checkNDArray('square', 'x', x);
  return applyOp('square', [x], {});
}
