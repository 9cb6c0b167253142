import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.cosh(x)`: the hyperbolic cosine, elementwise.
 *
 * @example
 * mx.nd.cosh(mx.nd.array([0])); // [1.]
 */
export function cosh(x: NDArray): NDArray {
  checkNDArray('cosh', 'x', x);
  return applyOp('cosh', [x], {});
}
