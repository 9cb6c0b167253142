import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.not_equal(a, b)`: a != b (1 or 0), elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_not_equal_scalar`).
 *
 * @example
 * mx.nd.notEqual(mx.nd.array([1, 2]), 2); // [1. 0.]
 */
export function notEqual(a: Operand, b: Operand): NDArray {
  return binary('notEqual', { array: 'broadcastNotEqual', scalar: 'notEqualScalar' }, a, b);
}

/**
 * MXNet `nd.broadcast_not_equal(a, b)`: a != b (1 or 0) of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastNotEqual(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastNotEqual(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastNotEqual', 'a', a);
  checkNDArray('broadcastNotEqual', 'b', b);
  checkBinary('broadcastNotEqual', a, b);
  return applyOp('broadcastNotEqual', [a, b], {});
}
