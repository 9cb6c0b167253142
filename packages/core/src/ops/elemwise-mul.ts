import { ShapeError } from '../errors/shape-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { sameShape } from '../ndarray/shape.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { checkBinary } from './operand.js';

/**
 * MXNet `nd.elemwise_mul(a, b)`: a * b of two arrays of the same shape (no broadcasting).
 *
 * @example
 * mx.nd.elemwiseMul(mx.nd.ones([2]), mx.nd.ones([2]));
 */
export function elemwiseMul(a: NDArray, b: NDArray): NDArray {
  checkNDArray('elemwiseMul', 'a', a);
  checkNDArray('elemwiseMul', 'b', b);
  checkBinary('elemwiseMul', a, b);
  if (!sameShape(a.shape, b.shape)) {
    throw new ShapeError(
      'elemwiseMul',
      [a.shape, b.shape],
      'operands must have the same shape; use broadcastMul to broadcast',
    );
  }
  return applyOp('elemwiseMul', [a, b], {});
}
