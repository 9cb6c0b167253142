import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.equal(a, b)`: a == b (1 or 0, in the operands' dtype), elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_equal_scalar`).
 *
 * @example
 * mx.nd.equal(mx.nd.array([1, 2]), 2); // [0. 1.]
 */
export function equal(a: Operand, b: Operand): NDArray {
  return binary('equal', { array: 'broadcastEqual', scalar: 'equalScalar' }, a, b);
}

/**
 * MXNet `nd.broadcast_equal(a, b)`: a == b (1 or 0, in the operands' dtype) of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastEqual(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastEqual(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastEqual', 'a', a);
  checkNDArray('broadcastEqual', 'b', b);
  checkBinary('broadcastEqual', a, b);
  return applyOp('broadcastEqual', [a, b], {});
}
