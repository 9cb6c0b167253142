import { ShapeError } from '../errors/shape-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions, checkSize } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { checkBinary } from './operand.js';

/** Options of `dot` and `batchDot`. */
export interface DotOptions {
  transposeA?: boolean;
  transposeB?: boolean;
}

/**
 * MXNet `nd.batch_dot(a, b, transpose_a=False, transpose_b=False)`: matrix products of
 * 3-D arrays (batch, rows, cols), batch by batch.
 *
 * @example
 * mx.nd.batchDot(mx.nd.ones([4, 2, 3]), mx.nd.ones([4, 3, 5])).shape; // [4, 2, 5]
 */
export function batchDot(a: NDArray, b: NDArray, options: DotOptions = {}): NDArray {
  checkNDArray('batchDot', 'a', a);
  checkNDArray('batchDot', 'b', b);
  checkOptions('batchDot', options);
  const transposeA = options.transposeA ?? false;
  const transposeB = options.transposeB ?? false;
  if (a.dtype !== b.dtype) checkBinary('batchDot', a, b);
  const k1 = a.shape[transposeA ? 1 : 2];
  const k2 = b.shape[transposeB ? 2 : 1];
  if (a.ndim !== 3 || b.ndim !== 3 || a.shape[0] !== b.shape[0] || k1 !== k2) {
    throw new ShapeError(
      'batchDot',
      [a.shape, b.shape],
      `needs 3-D arrays with one batch size and matching inner dimensions (transposeA=${transposeA}, transposeB=${transposeB})`,
    );
  }
  checkSize(
    'batchDot',
    [a.shape[0], a.shape[transposeA ? 2 : 1], b.shape[transposeB ? 1 : 2]],
    a.dtype,
  );
  return applyOp('batchDot', [a, b], { transposeA, transposeB });
}
