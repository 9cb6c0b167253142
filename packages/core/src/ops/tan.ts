import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.tan(x)`: the tangent, elementwise.
 *
 * @example
 * mx.nd.tan(mx.nd.array([0])); // [0.]
 */
export function tan(x: NDArray): NDArray {
  return applyOp('tan', [x], {});
}
