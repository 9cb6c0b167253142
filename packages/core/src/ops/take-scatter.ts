import type { KernelAttrs } from '../backend/kernels.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from './apply-op.js';

/**
 * The gradient of `take`: sums the rows of `g` into an axis of length `size` at `indices`
 * (MXNet's `_backward_take`). Its own gradient is `take`.
 */
export function takeScatter(
  g: NDArray,
  indices: NDArray,
  attrs: KernelAttrs['takeScatter'],
): NDArray {
  return applyOp('takeScatter', [g, indices], attrs);
}
