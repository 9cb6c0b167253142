import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.abs(x)`: |x|, elementwise.
 *
 * @example
 * mx.nd.abs(mx.nd.array([-2, 3])); // [2. 3.]
 */
export function abs(x: NDArray): NDArray {
  checkNDArray('abs', 'x', x);
  return applyOp('abs', [x], {});
}
