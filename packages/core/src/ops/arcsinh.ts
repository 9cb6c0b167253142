import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.arcsinh(x)`: the inverse hyperbolic sine, elementwise.
 *
 * @example
 * mx.nd.arcsinh(mx.nd.array([0])); // [0.]
 */
export function arcsinh(x: NDArray): NDArray {
  checkNDArray('arcsinh', 'x', x);
  return applyOp('arcsinh', [x], {});
}
