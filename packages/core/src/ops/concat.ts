import { DTypeError } from '../errors/dtype-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkNDArrayList, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.concat(*data, dim=1)`: joins arrays along an existing axis.
 *
 * @example
 * mx.nd.concat([mx.nd.ones([2, 1]), mx.nd.zeros([2, 2])], { dim: 1 }).shape; // [2, 3]
 */
export function concat(arrays: readonly NDArray[], options: { dim?: number } = {}): NDArray {
  checkNDArrayList('concat', 'arrays', arrays, 1);
  checkOptions('concat', options);
  if (arrays.length === 0) throw new InvalidArgumentError('concat', 'needs at least one array');
  const axis = normalizeAxis('concat', options.dim ?? 1, arrays[0].ndim);
  for (const a of arrays) {
    if (a.dtype !== arrays[0].dtype) {
      throw new DTypeError(
        'concat',
        `arrays have dtypes ${arrays.map((x) => x.dtype).join(', ')}; cast them to one with astype()`,
      );
    }
    if (
      a.ndim !== arrays[0].ndim ||
      a.shape.some((d, i) => i !== axis && d !== arrays[0].shape[i])
    ) {
      throw new ShapeError(
        'concat',
        arrays.map((x) => x.shape),
        `all dimensions but dim=${axis} must match`,
      );
    }
  }
  if (arrays.length === 1) return applyOp('copy', arrays, {});
  return applyOp('concat', arrays, { axis });
}
