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
  // Summing only leading axes gives the shape itself; a reshape is needed only to drop
  // leading axes kept as 1s (or for the 0-d shape).
  const onlyLead = axis.every((i) => i < lead);
  const s = applyOp('sum', [g], { axis, keepdims: !onlyLead });
  return sameShape(s.shape, shape) ? s : applyOp('reshape', [s], { shape: [...shape] });
}
