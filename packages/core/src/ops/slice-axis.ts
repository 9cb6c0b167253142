import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { slice } from './slice.js';

/** Options of `sliceAxis`. */
export interface SliceAxisOptions {
  axis: number;
  begin: number;
  /** Exclusive end; `null` for the end of the axis. */
  end: number | null;
}

/**
 * MXNet `nd.slice_axis(data, axis, begin, end)`: a contiguous range along one axis.
 *
 * @example
 * mx.nd.sliceAxis(mx.nd.arange(6).reshape([2, 3]), { axis: 1, begin: 1, end: null }); // [[1 2] [4 5]]
 */
export function sliceAxis(x: NDArray, options: SliceAxisOptions): NDArray {
  const axis = normalizeAxis('sliceAxis', options.axis, x.ndim);
  const begin = x.shape.map((_, i) => (i === axis ? options.begin : null));
  const end = x.shape.map((_, i) => (i === axis ? options.end : null));
  return slice(x, { begin, end });
}
