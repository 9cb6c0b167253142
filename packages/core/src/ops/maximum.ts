import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.maximum(a, b)`: max(a, b), elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_maximum_scalar`).
 *
 * @example
 * mx.nd.maximum(mx.nd.array([1, 5]), 3); // [3. 5.]
 */
export function maximum(a: Operand, b: Operand): NDArray {
  return binary('maximum', { array: 'broadcastMaximum', scalar: 'maximumScalar' }, a, b);
}

/**
 * MXNet `nd.broadcast_maximum(a, b)`: max(a, b) of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastMaximum(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastMaximum(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastMaximum', 'a', a);
  checkNDArray('broadcastMaximum', 'b', b);
  checkBinary('broadcastMaximum', a, b);
  return applyOp('broadcastMaximum', [a, b], {});
}
