import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.sign(x)`: -1, 0 or 1 by the sign of x, elementwise.
 *
 * @example
 * mx.nd.sign(mx.nd.array([-2, 0, 3])); // [-1.  0.  1.]
 */
export function sign(x: NDArray): NDArray {
  checkNDArray('sign', 'x', x);
  return applyOp('sign', [x], {});
}
