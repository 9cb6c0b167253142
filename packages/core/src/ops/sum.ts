import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { type ReduceOptions, reduceAxes } from './reduce-axes.js';

/**
 * MXNet `nd.sum(data, axis=None, keepdims=False, exclude=False)`: the sum over axes. Reducing every axis
 * without keepdims gives shape [1], as in MXNet.
 *
 * @example
 * mx.nd.sum(mx.nd.ones([2, 3]), { axis: 1 }); // [3. 3.]
 */
export function sum(x: NDArray, options: ReduceOptions = {}): NDArray {
  checkNDArray('sum', 'x', x);
  checkOptions('sum', options);
  const axis = reduceAxes('sum', x, options);
  const keepdims = options.keepdims ?? false;
  return applyOp('sum', [x], { axis, keepdims });
}
