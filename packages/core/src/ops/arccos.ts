import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.arccos(x)`: the inverse cosine, elementwise.
 *
 * @example
 * mx.nd.arccos(mx.nd.array([1])); // [0.]
 */
export function arccos(x: NDArray): NDArray {
  return applyOp('arccos', [x], {});
}
