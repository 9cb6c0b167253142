import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.arctanh(x)`: the inverse hyperbolic tangent, elementwise.
 *
 * @example
 * mx.nd.arctanh(mx.nd.array([0])); // [0.]
 */
export function arctanh(x: NDArray): NDArray {
  checkNDArray('arctanh', 'x', x);
  return applyOp('arctanh', [x], {});
}
