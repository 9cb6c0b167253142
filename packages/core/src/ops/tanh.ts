import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.tanh(x)`: the hyperbolic tangent, elementwise.
 *
 * @example
 * mx.nd.tanh(mx.nd.array([0])); // [0.]
 */
export function tanh(x: NDArray): NDArray {
  return applyOp('tanh', [x], {});
}
