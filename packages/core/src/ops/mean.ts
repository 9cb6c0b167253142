import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { type ReduceOptions, reduceAxes } from './reduce-axes.js';

/**
 * MXNet `nd.mean(data, axis=None, keepdims=False, exclude=False)`: the mean over axes. Reducing every axis
 * without keepdims gives shape [1], as in MXNet.
 *
 * @example
 * mx.nd.mean(mx.nd.array([1, 2, 3])); // [2.]
 */
export function mean(x: NDArray, options: ReduceOptions = {}): NDArray {
  checkNDArray('mean', 'x', x);
  checkOptions('mean', options);
  const axis = reduceAxes('mean', x, options);
  const keepdims = options.keepdims ?? false;
  return applyOp('mean', [x], { axis, keepdims });
}
