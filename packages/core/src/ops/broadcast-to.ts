import { ShapeError } from '../errors/shape-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { broadcastShapes, sameShape } from '../ndarray/shape.js';
import {
  checkNDArray,
  checkRequiredOptions,
  checkShapeArg,
  checkSize,
} from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.broadcast_to(data, shape)`: repeats length-1 axes to reach `shape`, which has
 * as many axes as the input (MXNet's rule); a 0 in `shape` keeps that axis' length.
 *
 * @example
 * mx.nd.broadcastTo(mx.nd.array([[1], [2]]), { shape: [2, 3] }); // [[1 1 1] [2 2 2]]
 */
export function broadcastTo(x: NDArray, options: { shape: readonly number[] }): NDArray {
  checkNDArray('broadcastTo', 'x', x);
  checkRequiredOptions('broadcastTo', options);
  const target = checkShapeArg('broadcastTo', 'shape', options.shape);
  if (target.length !== x.ndim) {
    throw new ShapeError(
      'broadcastTo',
      [x.shape, target],
      `Operand cannot be broadcasted: the target needs ${x.ndim} axes, like the input (reshape or expandDims first)`,
    );
  }
  const shape = target.map((d, i) => (d === 0 ? x.shape[i] : d));
  checkSize('broadcastTo', shape, x.dtype);
  return broadcastToShape(x, shape);
}

/**
 * Numpy broadcasting of `x` to `shape`, which may add leading axes (for `x.set(v)`, as
 * MXNet's `x[:] = v`).
 */
export function broadcastToShape(x: NDArray, shape: readonly number[]): NDArray {
  if (shape.length < x.ndim || !sameShape(broadcastShapes('broadcastTo', x.shape, shape), shape)) {
    throw new ShapeError(
      'broadcastTo',
      [x.shape, shape],
      'the array cannot be broadcast to the target shape',
    );
  }
  checkSize('broadcastTo', shape, x.dtype);
  if (sameShape(x.shape, shape)) return applyOp('copy', [x], {});
  return applyOp('broadcastTo', [x], { shape: [...shape] });
}
