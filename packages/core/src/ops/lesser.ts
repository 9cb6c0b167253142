import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.lesser(a, b)`: a < b (1 or 0), elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_lesser_scalar`).
 *
 * @example
 * mx.nd.lesser(mx.nd.array([1, 2]), 2); // [1. 0.]
 */
export function lesser(a: Operand, b: Operand): NDArray {
  return binary(
    'lesser',
    { array: 'broadcastLesser', scalar: 'lesserScalar', rscalar: 'greaterScalar' },
    a,
    b,
  );
}

/**
 * MXNet `nd.broadcast_lesser(a, b)`: a < b (1 or 0) of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastLesser(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastLesser(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastLesser', 'a', a);
  checkNDArray('broadcastLesser', 'b', b);
  checkBinary('broadcastLesser', a, b);
  return applyOp('broadcastLesser', [a, b], {});
}
