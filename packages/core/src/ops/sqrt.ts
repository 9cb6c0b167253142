import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.sqrt(x)`: the square root, elementwise.
 *
 * @example
 * mx.nd.sqrt(mx.nd.array([4, 9])); // [2. 3.]
 */
export function sqrt(x: NDArray): NDArray {
  checkNDArray('sqrt', 'x', x);
  return applyOp('sqrt', [x], {});
}
