import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkIntList, checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.transpose(data, axes=())`: permutes axes; reverses them when `axes` is empty.
 *
 * @example
 * mx.nd.transpose(mx.nd.ones([2, 3])).shape;                   // [3, 2]
 * mx.nd.transpose(mx.nd.ones([2, 3, 4]), { axes: [1, 0, 2] }).shape; // [3, 2, 4]
 */
export function transpose(x: NDArray, options: { axes?: readonly number[] } = {}): NDArray {
  checkNDArray('transpose', 'x', x);
  checkOptions('transpose', options);
  if (options.axes !== undefined) checkIntList('transpose', 'axes', options.axes);
  const n = x.ndim;
  const axes =
    options.axes && options.axes.length > 0
      ? options.axes.map((a) => normalizeAxis('transpose', a, n))
      : Array.from({ length: n }, (_, i) => n - 1 - i);
  if (axes.length !== n || new Set(axes).size !== n) {
    throw new InvalidArgumentError(
      'transpose',
      `axes (${options.axes?.join(', ')}) must permute ${n} axes`,
    );
  }
  return applyOp('transpose', [x], { axes });
}
