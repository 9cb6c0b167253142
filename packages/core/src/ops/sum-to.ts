import type { NDArray } from '../ndarray/ndarray.js';
import { sameShape } from '../ndarray/shape.js';
import { applyOp } from './apply-op.js';

/**
 * Sums `g` down to `shape`, undoing numpy broadcasting: the gradient of any op that
 * broadcast an input of `shape`. Not an MXNet op; gradient rules use it.
 *
 * @example
 * sumTo(mx.nd.ones([2, 3]), [1, 3]); // [[2. 2. 2.]]
 */
export function sumTo(g: NDArray, shape: readonly number[]): NDArray {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.ndim - shape.length;
  const axis: number[] = [];
  for (let i = 0; i < g.ndim; i++) if (i < lead || shape[i - lead] === 1) axis.push(i);
  const s = applyOp('sum', [g], { axis, keepdims: true });
  return applyOp('reshape', [s], { shape: [...shape] });
}
