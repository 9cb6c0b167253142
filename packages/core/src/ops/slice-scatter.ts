import type { KernelAttrs } from '../backend/kernels.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from './apply-op.js';

/**
 * The gradient of `slice`: `g` placed at the sliced positions of zeros of `shape`
 * (MXNet's `_backward_slice`). Its own gradient is `slice`, so slicing differentiates to any
 * order.
 */
export function sliceScatter(g: NDArray, attrs: KernelAttrs['sliceScatter']): NDArray {
  return applyOp('sliceScatter', [g], attrs);
}
