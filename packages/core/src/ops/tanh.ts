import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.tanh(x)`: the hyperbolic tangent, elementwise.
 *
 * @example
 * mx.nd.tanh(mx.nd.array([0])); // [0.]
 */
export function tanh(x: NDArray): NDArray {
  checkNDArray('tanh', 'x', x);
  return applyOp('tanh', [x], {});
}
