import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.greater_equal(a, b)`: a >= b (1 or 0), elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_greater_equal_scalar`).
 *
 * @example
 * mx.nd.greaterEqual(mx.nd.array([1, 2]), 2); // [0. 1.]
 */
export function greaterEqual(a: Operand, b: Operand): NDArray {
  return binary(
    'greaterEqual',
    { array: 'broadcastGreaterEqual', scalar: 'greaterEqualScalar', rscalar: 'lesserEqualScalar' },
    a,
    b,
  );
}

/**
 * MXNet `nd.broadcast_greater_equal(a, b)`: a >= b (1 or 0) of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastGreaterEqual(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastGreaterEqual(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastGreaterEqual', 'a', a);
  checkNDArray('broadcastGreaterEqual', 'b', b);
  checkBinary('broadcastGreaterEqual', a, b);
  return applyOp('broadcastGreaterEqual', [a, b], {});
}
