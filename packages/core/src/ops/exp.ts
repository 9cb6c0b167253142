import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.exp(x)`: e^x, elementwise.
 *
 * @example
 * mx.nd.exp(mx.nd.array([0, 1])); // [1. 2.7182817]
 */
export function exp(x: NDArray): NDArray {
  checkNDArray('exp', 'x', x);
  return applyOp('exp', [x], {});
}
