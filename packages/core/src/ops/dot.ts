import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions, checkSize } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { batchDot, type DotOptions } from './batch-dot.js';
import { checkBinary } from './operand.js';

/**
 * MXNet `nd.dot(lhs, rhs, transpose_a=False, transpose_b=False)`: the product over the last
 * axis of `lhs` and the first axis of `rhs` (matrix product for 2-D, inner product for
 * 1-D, giving shape [1]). Transposes apply to 1-D and 2-D operands.
 *
 * @example
 * mx.nd.dot(mx.nd.ones([2, 3]), mx.nd.ones([3, 4])).shape; // [2, 4]
 */
export function dot(a: NDArray, b: NDArray, options: DotOptions = {}): NDArray {
  checkNDArray('dot', 'a', a);
  checkNDArray('dot', 'b', b);
  checkOptions('dot', options);
  return disposeCreated(() => {
    const tA = options.transposeA ?? false;
    const tB = options.transposeB ?? false;
    if ((tA && a.ndim > 2) || (tB && b.ndim > 2) || a.ndim === 0 || b.ndim === 0) {
      throw new ShapeError(
        'dot',
        [a.shape, b.shape],
        'transposeA/transposeB need 1-D or 2-D operands',
      );
    }
    if (a.ndim === 2 && b.ndim === 2) {
      if (a.shape[tA ? 0 : 1] !== b.shape[tB ? 1 : 0]) {
        throw new ShapeError('dot', [a.shape, b.shape], 'the inner dimensions must match');
      }
      if (a.dtype !== b.dtype) checkBinary('dot', a, b);
      checkSize('dot', [a.shape[tA ? 1 : 0], b.shape[tB ? 0 : 1]], a.dtype);
      return applyOp('dot', [a, b], { transposeA: tA, transposeB: tB });
    }
    // View a as (M, K) and b as (K, N), then multiply as a batch of one.
    const aLead = a.ndim === 1 ? [] : tA ? [a.shape[1]] : a.shape.slice(0, -1);
    const bTail = b.ndim === 1 ? [] : tB ? [b.shape[0]] : b.shape.slice(1);
    const m = aLead.reduce((p, d) => p * d, 1);
    const n = bTail.reduce((p, d) => p * d, 1);
    // Sized here so an outer product too large is refused as dot's, before any kernel.
    checkSize('dot', [m, n], a.dtype);
    const a3 = applyOp('reshape', [a], { shape: tA ? [1, a.size / m, m] : [1, m, a.size / m] });
    const b3 = applyOp('reshape', [b], { shape: tB ? [1, n, b.size / n] : [1, b.size / n, n] });
    if (a3.shape[tA ? 1 : 2] !== b3.shape[tB ? 2 : 1]) {
      throw new ShapeError('dot', [a.shape, b.shape], 'the inner dimensions must match');
    }
    const out = batchDot(a3, b3, { transposeA: tA, transposeB: tB });
    const shape = [...aLead, ...bTail];
    return applyOp('reshape', [out], { shape: shape.length === 0 ? [1] : shape });
  });
}
