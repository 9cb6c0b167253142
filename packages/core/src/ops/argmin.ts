import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { type ArgReduceOptions, argReduce } from './argmax.js';

/**
 * MXNet `nd.argmin(data, axis=None, keepdims=False)`: positions of the smallest elements
 * along an axis (of the flattened array without one), as float32; the first on ties.
 *
 * @example
 * mx.nd.argmin(mx.nd.array([[1, 5], [7, 2]]), { axis: 1 }); // [0. 1.]
 */
export function argmin(data: NDArray, options: ArgReduceOptions = {}): NDArray {
  checkNDArray('argmin', 'data', data);
  checkOptions('argmin', options);
  return argReduce('argmin', data, options);
}
