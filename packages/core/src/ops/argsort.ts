import type { DType } from '../ndarray/dtype.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { orderBy } from './topk.js';

/** Options of `argsort`. */
export interface ArgsortOptions {
  /** Default -1; `null` sorts the flattened array. */
  axis?: number | null;
  /** Default true. */
  isAscend?: boolean;
  /** dtype of the indices; default 'float32', as MXNet. */
  dtype?: DType;
}

/**
 * MXNet `nd.argsort(data, axis=-1, is_ascend=True, dtype='float32')`: the positions that
 * sort the elements along an axis (ties keep their order).
 *
 * @example
 * mx.nd.argsort(mx.nd.array([3, 1, 2])); // [1. 2. 0.]
 */
export function argsort(data: NDArray, options: ArgsortOptions = {}): NDArray {
  checkNDArray('argsort', 'data', data);
  checkOptions('argsort', options);
  const { axis = -1, isAscend = true, dtype = 'float32' } = options;
  return orderBy('argsort', data, { axis, k: 0, retTyp: 'indices', isAscend, dtype }) as NDArray;
}
