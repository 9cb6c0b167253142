import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkInt, checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
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
  checkNDArray('sliceAxis', 'x', x);
  checkRequiredOptions('sliceAxis', options);
  const axis = normalizeAxis('sliceAxis', options.axis, x.ndim);
  // MXNet's GetSliceAxisParams: negative bounds count from the end, then
  // 0 <= begin < end <= the axis' length, or the op is refused.
  const size = x.shape[axis];
  let b = checkInt('sliceAxis', 'begin', options.begin);
  let e =
    options.end === null || options.end === undefined
      ? size
      : checkInt('sliceAxis', 'end', options.end);
  if (b < 0) b += size;
  if (e < 0) e += size;
  if (e > size || e < 0) {
    throw new InvalidArgumentError(
      'sliceAxis',
      `invalid end=${options.end} for axis ${axis} of length ${size}; end must be in [${-size}, ${size}] or null`,
    );
  }
  if (!(b >= 0 && b < e)) {
    throw new InvalidArgumentError(
      'sliceAxis',
      `invalid begin=${options.begin}, end=${options.end} for axis ${axis} of length ${size}; begin must come before end`,
    );
  }
  const begin = x.shape.map((_, i) => (i === axis ? b : null));
  const end = x.shape.map((_, i) => (i === axis ? e : null));
  return slice(x, { begin, end });
}
