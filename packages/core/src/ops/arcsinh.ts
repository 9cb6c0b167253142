import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.arcsinh(x)`: the inverse hyperbolic sine, elementwise.
 *
 * @example
 * mx.nd.arcsinh(mx.nd.array([0])); // [0.]
 */
export function arcsinh(x: NDArray): NDArray {
  return applyOp('arcsinh', [x], {});
}
