import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.arccosh(x)`: the inverse hyperbolic cosine, elementwise.
 *
 * @example
 * mx.nd.arccosh(mx.nd.array([1])); // [0.]
 */
export function arccosh(x: NDArray): NDArray {
  return applyOp('arccosh', [x], {});
}
