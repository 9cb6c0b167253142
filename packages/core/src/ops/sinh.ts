import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.sinh(x)`: the hyperbolic sine, elementwise.
 *
 * @example
 * mx.nd.sinh(mx.nd.array([0])); // [0.]
 */
export function sinh(x: NDArray): NDArray {
  checkNDArray('sinh', 'x', x);
  return applyOp('sinh', [x], {});
}
