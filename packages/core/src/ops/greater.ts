import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.greater(a, b)`: a > b (1 or 0), elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_greater_scalar`).
 *
 * @example
 * mx.nd.greater(mx.nd.array([1, 2]), 1); // [0. 1.]
 */
export function greater(a: Operand, b: Operand): NDArray {
  return binary(
    'greater',
    { array: 'broadcastGreater', scalar: 'greaterScalar', rscalar: 'lesserScalar' },
    a,
    b,
  );
}

/**
 * MXNet `nd.broadcast_greater(a, b)`: a > b (1 or 0) of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastGreater(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastGreater(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastGreater', 'a', a);
  checkNDArray('broadcastGreater', 'b', b);
  checkBinary('broadcastGreater', a, b);
  return applyOp('broadcastGreater', [a, b], {});
}
