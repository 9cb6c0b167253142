import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.tan(x)`: the tangent, elementwise.
 *
 * @example
 * mx.nd.tan(mx.nd.array([0])); // [0.]
 */
export function tan(x: NDArray): NDArray {
  checkNDArray('tan', 'x', x);
  return applyOp('tan', [x], {});
}
