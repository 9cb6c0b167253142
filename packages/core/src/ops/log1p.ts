import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.log1p(x)`: log(1 + x), accurate near 0, elementwise.
 *
 * @example
 * mx.nd.log1p(mx.nd.array([0])); // [0.]
 */
export function log1p(x: NDArray): NDArray {
  checkNDArray('log1p', 'x', x);
  return applyOp('log1p', [x], {});
}
