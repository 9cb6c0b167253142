import { ShapeError } from '../errors/shape-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { sameShape } from '../ndarray/shape.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { checkBinary } from './operand.js';

/**
 * MXNet `nd.elemwise_add(a, b)`: a + b of two arrays of the same shape (no broadcasting).
 *
 * @example
 * mx.nd.elemwiseAdd(mx.nd.ones([2]), mx.nd.ones([2]));
 */
export function elemwiseAdd(a: NDArray, b: NDArray): NDArray {
  checkNDArray('elemwiseAdd', 'a', a);
  checkNDArray('elemwiseAdd', 'b', b);
  checkBinary('elemwiseAdd', a, b);
  if (!sameShape(a.shape, b.shape)) {
    throw new ShapeError(
      'elemwiseAdd',
      [a.shape, b.shape],
      'operands must have the same shape; use broadcastAdd to broadcast',
    );
  }
  return applyOp('elemwiseAdd', [a, b], {});
}
