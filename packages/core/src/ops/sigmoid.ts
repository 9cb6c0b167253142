import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.sigmoid(x)`: 1 / (1 + e^-x), elementwise.
 *
 * @example
 * mx.nd.sigmoid(mx.nd.array([0])); // [0.5]
 */
export function sigmoid(x: NDArray): NDArray {
  return applyOp('sigmoid', [x], {});
}
