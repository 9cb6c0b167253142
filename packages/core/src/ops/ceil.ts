import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.ceil(x)`: the smallest integer >= x, elementwise.
 *
 * @example
 * mx.nd.ceil(mx.nd.array([1.5, -1.5])); // [ 2. -1.]
 */
export function ceil(x: NDArray): NDArray {
  return applyOp('ceil', [x], {});
}
