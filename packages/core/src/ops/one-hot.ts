import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { DType } from '../ndarray/dtype.js';
import type { NDArray } from '../ndarray/ndarray.js';
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
  const { depth, onValue = 1, offValue = 0, dtype = 'float32' } = options;
  if (!Number.isInteger(depth) || depth < 0) {
    throw new InvalidArgumentError('oneHot', `depth=${depth} must be a non-negative integer`);
  }
  return applyOp('oneHot', [indices], { depth, onValue, offValue, dtype });
}
