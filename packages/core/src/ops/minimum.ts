import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.minimum(a, b)`: min(a, b), elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_minimum_scalar`).
 *
 * @example
 * mx.nd.minimum(mx.nd.array([1, 5]), 3); // [1. 3.]
 */
export function minimum(a: Operand, b: Operand): NDArray {
  return binary('minimum', { array: 'broadcastMinimum', scalar: 'minimumScalar' }, a, b);
}

/**
 * MXNet `nd.broadcast_minimum(a, b)`: min(a, b) of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastMinimum(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastMinimum(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastMinimum', 'a', a);
  checkNDArray('broadcastMinimum', 'b', b);
  checkBinary('broadcastMinimum', a, b);
  return applyOp('broadcastMinimum', [a, b], {});
}
