import { ShapeError } from '../errors/shape-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { sameShape } from '../ndarray/shape.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { checkBinary } from './operand.js';

/**
 * MXNet `nd.elemwise_sub(a, b)`: a - b of two arrays of the same shape (no broadcasting).
 *
 * @example
 * mx.nd.elemwiseSub(mx.nd.ones([2]), mx.nd.ones([2]));
 */
export function elemwiseSub(a: NDArray, b: NDArray): NDArray {
  checkNDArray('elemwiseSub', 'a', a);
  checkNDArray('elemwiseSub', 'b', b);
  checkBinary('elemwiseSub', a, b);
  if (!sameShape(a.shape, b.shape)) {
    throw new ShapeError(
      'elemwiseSub',
      [a.shape, b.shape],
      'operands must have the same shape; use broadcastSub to broadcast',
    );
  }
  return applyOp('elemwiseSub', [a, b], {});
}
