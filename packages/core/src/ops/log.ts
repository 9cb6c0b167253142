import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.log(x)`: the natural logarithm, elementwise.
 *
 * @example
 * mx.nd.log(mx.nd.array([1, 2.7182817])); // [0. 1.]
 */
export function log(x: NDArray): NDArray {
  checkNDArray('log', 'x', x);
  return applyOp('log', [x], {});
}
