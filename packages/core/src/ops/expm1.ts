import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.expm1(x)`: e^x - 1, accurate near 0, elementwise.
 *
 * @example
 * mx.nd.expm1(mx.nd.array([0])); // [0.]
 */
export function expm1(x: NDArray): NDArray {
  checkNDArray('expm1', 'x', x);
  return applyOp('expm1', [x], {});
}
