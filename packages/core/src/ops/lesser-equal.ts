import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { binary, checkBinary, type Operand } from './operand.js';

/**
 * MXNet `nd.lesser_equal(a, b)`: a <= b (1 or 0), elementwise with numpy broadcasting. Either operand may be
 * a number (MXNet then records the scalar op, e.g. `_lesser_equal_scalar`).
 *
 * @example
 * mx.nd.lesserEqual(mx.nd.array([1, 2]), 1); // [1. 0.]
 */
export function lesserEqual(a: Operand, b: Operand): NDArray {
  return binary(
    'lesserEqual',
    { array: 'broadcastLesserEqual', scalar: 'lesserEqualScalar', rscalar: 'greaterEqualScalar' },
    a,
    b,
  );
}

/**
 * MXNet `nd.broadcast_lesser_equal(a, b)`: a <= b (1 or 0) of two arrays with numpy broadcasting.
 *
 * @example
 * mx.nd.broadcastLesserEqual(mx.nd.ones([2, 1]), mx.nd.ones([1, 3])); // shape [2, 3]
 */
export function broadcastLesserEqual(a: NDArray, b: NDArray): NDArray {
  checkNDArray('broadcastLesserEqual', 'a', a);
  checkNDArray('broadcastLesserEqual', 'b', b);
  checkBinary('broadcastLesserEqual', a, b);
  return applyOp('broadcastLesserEqual', [a, b], {});
}
