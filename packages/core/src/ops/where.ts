import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { sameShape } from '../ndarray/shape.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { checkBinary } from './operand.js';

/**
 * MXNet `nd.where(condition, x, y)`: x where condition is non-zero, else y. `condition`
 * has x's shape, or is 1-D and selects whole rows (length x.shape[0]).
 *
 * @example
 * mx.nd.where(mx.nd.array([1, 0]), mx.nd.array([1, 2]), mx.nd.array([3, 4])); // [1. 4.]
 */
export function where(condition: NDArray, x: NDArray, y: NDArray): NDArray {
  checkNDArray('where', 'condition', condition);
  checkNDArray('where', 'x', x);
  checkNDArray('where', 'y', y);
  return disposeCreated(() => {
    checkBinary('where', x, y);
    if (!sameShape(x.shape, y.shape))
      throw new ShapeError('where', [x.shape, y.shape], 'x and y must have the same shape');
    let cond = condition;
    if (!sameShape(cond.shape, x.shape)) {
      if (cond.ndim !== 1 || cond.shape[0] !== x.shape[0]) {
        throw new ShapeError(
          'where',
          [cond.shape, x.shape],
          'condition must have the shape of x, or be 1-D of length x.shape[0]',
        );
      }
      const rows = applyOp('reshape', [cond], {
        shape: [cond.shape[0], ...x.shape.slice(1).map(() => 1)],
      });
      cond = applyOp('broadcastTo', [rows], { shape: [...x.shape] });
    }
    if (cond.dtype !== x.dtype) cond = applyOp('cast', [cond], { dtype: x.dtype });
    return applyOp('where', [cond, x, y], {});
  });
}
