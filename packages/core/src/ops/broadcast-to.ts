import { ShapeError } from '../errors/shape-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { broadcastShapes, sameShape } from '../ndarray/shape.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.broadcast_to(data, shape)`: repeats length-1 axes to reach `shape`. A 0 in
 * `shape` keeps that axis' length, as in MXNet.
 *
 * @example
 * mx.nd.broadcastTo(mx.nd.array([[1], [2]]), { shape: [2, 3] }); // [[1 1 1] [2 2 2]]
 */
export function broadcastTo(x: NDArray, options: { shape: readonly number[] }): NDArray {
  const lead = options.shape.length - x.ndim;
  const shape = options.shape.map((d, i) => (d === 0 ? x.shape[i - lead] : d));
  if (lead < 0 || !sameShape(broadcastShapes('broadcastTo', x.shape, shape), shape)) {
    throw new ShapeError(
      'broadcastTo',
      [x.shape, shape],
      'the array cannot be broadcast to the target shape',
    );
  }
  if (sameShape(x.shape, shape)) return applyOp('copy', [x], {});
  return applyOp('broadcastTo', [x], { shape });
}
