import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.rsqrt(x)`: 1/sqrt(x), elementwise.
 *
 * @example
 * mx.nd.rsqrt(mx.nd.array([4])); // [0.5]
 */
export function rsqrt(x: NDArray): NDArray {
  checkNDArray('rsqrt', 'x', x);
  return applyOp('rsqrt', [x], {});
}
