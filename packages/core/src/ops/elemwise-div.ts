import { ShapeError } from '../errors/shape-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { sameShape } from '../ndarray/shape.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { checkBinary } from './operand.js';

/**
 * MXNet `nd.elemwise_div(a, b)`: a / b of two arrays of the same shape (no broadcasting).
 *
 * @example
 * mx.nd.elemwiseDiv(mx.nd.ones([2]), mx.nd.ones([2]));
 */
export function elemwiseDiv(a: NDArray, b: NDArray): NDArray {
  checkNDArray('elemwiseDiv', 'a', a);
  checkNDArray('elemwiseDiv', 'b', b);
  checkBinary('elemwiseDiv', a, b);
  if (!sameShape(a.shape, b.shape)) {
    throw new ShapeError(
      'elemwiseDiv',
      [a.shape, b.shape],
      'operands must have the same shape; use broadcastDiv to broadcast',
    );
  }
  return applyOp('elemwiseDiv', [a, b], {});
}
