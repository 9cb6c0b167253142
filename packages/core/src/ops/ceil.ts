import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.ceil(x)`: the smallest integer >= x, elementwise.
 *
 * @example
 * mx.nd.ceil(mx.nd.array([1.5, -1.5])); // [ 2. -1.]
 */
export function ceil(x: NDArray): NDArray {
  checkNDArray('ceil', 'x', x);
  return applyOp('ceil', [x], {});
}
