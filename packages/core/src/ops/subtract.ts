import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.subtract(a, b)`: a - b, elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_minus_scalar`).
 *
 * @example
 * mx.nd.subtract(10, mx.nd.array([1, 2])); // [9. 8.]
 */
export function subtract(a: Operand, b: Operand): NDArray {
  return binary(
    'subtract',
    { array: 'broadcastSub', scalar: 'minusScalar', rscalar: 'rminusScalar' },
    a,
    b,
  );
}

/**
 * MXNet `nd.broadcast_sub(a, b)`: a - b of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastSub(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastSub(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastSub', 'a', a);
  checkNDArray('broadcastSub', 'b', b);
  checkBinary('broadcastSub', a, b);
  return applyOp('broadcastSub', [a, b], {});
}
