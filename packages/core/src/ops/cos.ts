import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.cos(x)`: the cosine, elementwise.
 *
 * @example
 * mx.nd.cos(mx.nd.array([0])); // [1.]
 */
export function cos(x: NDArray): NDArray {
  checkNDArray('cos', 'x', x);
  return applyOp('cos', [x], {});
}
