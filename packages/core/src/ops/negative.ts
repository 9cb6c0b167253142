import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.negative(x)`: -x, elementwise.
 *
 * @example
 * mx.nd.negative(mx.nd.array([1, -2])); // [-1.  2.]
 */
export function negative(x: NDArray): NDArray {
  checkNDArray('negative', 'x', x);
  return applyOp('negative', [x], {});
}
