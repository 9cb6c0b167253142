import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.sin(x)`: the sine, elementwise.
 *
 * @example
 * mx.nd.sin(mx.nd.array([0])); // [0.]
 */
export function sin(x: NDArray): NDArray {
  checkNDArray('sin', 'x', x);
  return applyOp('sin', [x], {});
}
