import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.arcsin(x)`: the inverse sine, elementwise.
 *
 * @example
 * mx.nd.arcsin(mx.nd.array([0])); // [0.]
 */
export function arcsin(x: NDArray): NDArray {
  checkNDArray('arcsin', 'x', x);
  return applyOp('arcsin', [x], {});
}
