import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.sigmoid(x)`: 1 / (1 + e^-x), elementwise.
 *
 * @example
 * mx.nd.sigmoid(mx.nd.array([0])); // [0.5]
 */
export function sigmoid(x: NDArray): NDArray {
  checkNDArray('sigmoid', 'x', x);
  return applyOp('sigmoid', [x], {});
}
