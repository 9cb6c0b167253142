import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { type ReduceOptions, reduceAxes } from './reduce-axes.js';

/**
 * MXNet `nd.min(data, axis=None, keepdims=False, exclude=False)`: the minimum over axes. Reducing every axis
 * without keepdims gives shape [1], as in MXNet.
 *
 * @example
 * mx.nd.min(mx.nd.array([[1, 5], [3, 2]]), { axis: 0 }); // [1. 2.]
 */
export function min(x: NDArray, options: ReduceOptions = {}): NDArray {
  checkNDArray('min', 'x', x);
  checkOptions('min', options);
  const axis = reduceAxes('min', x, options);
  const keepdims = options.keepdims ?? false;
  return applyOp('min', [x], { axis, keepdims });
}
