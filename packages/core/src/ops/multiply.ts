import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.multiply(a, b)`: a * b, elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_mul_scalar`).
 *
 * @example
 * mx.nd.multiply(mx.nd.array([1, 2]), 10); // [10. 20.]
 */
export function multiply(a: Operand, b: Operand): NDArray {
  return binary('multiply', { array: 'broadcastMul', scalar: 'mulScalar' }, a, b);
}

/**
 * MXNet `nd.broadcast_mul(a, b)`: a * b of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastMul(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastMul(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastMul', 'a', a);
  checkNDArray('broadcastMul', 'b', b);
  checkBinary('broadcastMul', a, b);
  return applyOp('broadcastMul', [a, b], {});
}
