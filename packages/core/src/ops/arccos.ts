import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.arccos(x)`: the inverse cosine, elementwise.
 *
 * @example
 * mx.nd.arccos(mx.nd.array([1])); // [0.]
 */
export function arccos(x: NDArray): NDArray {
  checkNDArray('arccos', 'x', x);
  return applyOp('arccos', [x], {});
}
