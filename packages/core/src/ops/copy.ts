import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd._copy(data)` / `x.copy()`: a new array with the same values; gradients pass.
 *
 * @example
 * const y = mx.nd.copy(x);
 */
export function copy(x: NDArray): NDArray {
  checkNDArray('copy', 'x', x);
  return applyOp('copy', [x], {});
}
