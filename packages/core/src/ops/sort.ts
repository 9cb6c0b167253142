import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { orderBy } from './topk.js';

/** Options of `sort`. */
export interface SortOptions {
  /** Default -1; `null` sorts the flattened array. */
  axis?: number | null;
  /** Default true. */
  isAscend?: boolean;
}

/**
 * MXNet `nd.sort(data, axis=-1, is_ascend=True)`: the elements sorted along an axis (ties
 * keep their order). A full topk, so its gradient goes back to each element's position.
 *
 * @example
 * mx.nd.sort(mx.nd.array([3, 1, 2])); // [1. 2. 3.]
 */
export function sort(data: NDArray, options: SortOptions = {}): NDArray {
  checkNDArray('sort', 'data', data);
  checkOptions('sort', options);
  const { axis = -1, isAscend = true } = options;
  return orderBy('sort', data, { axis, k: 0, retTyp: 'value', isAscend }) as NDArray;
}
