import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { type ReduceOptions, reduceAxes } from './reduce-axes.js';

/**
 * MXNet `nd.prod(data, axis=None, keepdims=False, exclude=False)`: the product over axes. Reducing every axis
 * without keepdims gives shape [1], as in MXNet.
 *
 * @example
 * mx.nd.prod(mx.nd.array([2, 3, 4])); // [24.]
 */
export function prod(x: NDArray, options: ReduceOptions = {}): NDArray {
  checkNDArray('prod', 'x', x);
  checkOptions('prod', options);
  const axis = reduceAxes('prod', x, options);
  const keepdims = options.keepdims ?? false;
  return applyOp('prod', [x], { axis, keepdims });
}
