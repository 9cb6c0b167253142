import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.arccosh(x)`: the inverse hyperbolic cosine, elementwise.
 *
 * @example
 * mx.nd.arccosh(mx.nd.array([1])); // [0.]
 */
export function arccosh(x: NDArray): NDArray {
  checkNDArray('arccosh', 'x', x);
  return applyOp('arccosh', [x], {});
}
