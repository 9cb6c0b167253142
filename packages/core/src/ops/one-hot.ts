import type { DType } from '../ndarray/dtype.js';
import type { NDArray } from '../ndarray/ndarray.js';
import {
  checkDTypeArg,
  checkInt,
  checkNDArray,
  checkNumber,
  checkRequiredOptions,
  checkSize,
} from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/** Options of `oneHot`. */
export interface OneHotOptions {
  depth: number;
  onValue?: number;
  offValue?: number;
  /** Output dtype, float32 by default. */
  dtype?: DType;
}

/**
 * MXNet `nd.one_hot(indices, depth, on_value=1, off_value=0, dtype='float32')`: a new last
 * axis of length `depth`, `onValue` at each index. Out-of-range indices give all `offValue`.
 *
 * @example
 * mx.nd.oneHot(mx.nd.array([1, 0]), { depth: 3 }); // [[0 1 0] [1 0 0]]
 */
export function oneHot(indices: NDArray, options: OneHotOptions): NDArray {
  checkNDArray('oneHot', 'indices', indices);
  checkRequiredOptions('oneHot', options);
  const depth = checkInt('oneHot', 'depth', options.depth, { min: 0 });
  const onValue = checkNumber('oneHot', 'onValue', options.onValue ?? 1);
  const offValue = checkNumber('oneHot', 'offValue', options.offValue ?? 0);
  const dtype = checkDTypeArg('oneHot', 'dtype', options.dtype ?? 'float32');
  checkSize('oneHot', [...indices.shape, depth], dtype);
  return applyOp('oneHot', [indices], { depth, onValue, offValue, dtype });
}
