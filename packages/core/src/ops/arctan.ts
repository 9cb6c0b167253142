import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.arctan(x)`: the inverse tangent, elementwise.
 *
 * @example
 * mx.nd.arctan(mx.nd.array([0])); // [0.]
 */
export function arctan(x: NDArray): NDArray {
  checkNDArray('arctan', 'x', x);
  return applyOp('arctan', [x], {});
}
