import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.arctan(x)`: the inverse tangent, elementwise.
 *
 * @example
 * mx.nd.arctan(mx.nd.array([0])); // [0.]
 */
export function arctan(x: NDArray): NDArray {
  return applyOp('arctan', [x], {});
}
