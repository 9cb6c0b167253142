import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.add(a, b)`: a + b, elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_plus_scalar`).
 *
 * @example
 * mx.nd.add(mx.nd.array([1, 2]), 10); // [11. 12.]
 */
export function add(a: Operand, b: Operand): NDArray {
  return binary('add', { array: 'broadcastAdd', scalar: 'plusScalar' }, a, b);
}

/**
 * MXNet `nd.broadcast_add(a, b)`: a + b of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastAdd(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastAdd(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastAdd', 'a', a);
  checkNDArray('broadcastAdd', 'b', b);
  checkBinary('broadcastAdd', a, b);
  return applyOp('broadcastAdd', [a, b], {});
}
