import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { type ReduceOptions, reduceAxes } from './reduce-axes.js';

/**
 * MXNet `nd.max(data, axis=None, keepdims=False, exclude=False)`: the maximum over axes. Reducing every axis
 * without keepdims gives shape [1], as in MXNet.
 *
 * @example
 * mx.nd.max(mx.nd.array([[1, 5], [3, 2]]), { axis: 0 }); // [3. 5.]
 */
export function max(x: NDArray, options: ReduceOptions = {}): NDArray {
  checkNDArray('max', 'x', x);
  checkOptions('max', options);
  const axis = reduceAxes('max', x, options);
  const keepdims = options.keepdims ?? false;
  return applyOp('max', [x], { axis, keepdims });
}
