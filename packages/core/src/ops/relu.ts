import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.relu(x)`: max(x, 0), elementwise.
 *
 * @example
 * mx.nd.relu(mx.nd.array([-1, 2])); // [0. 2.]
 */
export function relu(x: NDArray): NDArray {
  checkNDArray('relu', 'x', x);
  return applyOp('relu', [x], {});
}
