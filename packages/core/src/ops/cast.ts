import { checkDType, type DType } from '../ndarray/dtype.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.cast(data, dtype)` (`Cast`): converts the element type.
 *
 * @example
 * mx.nd.cast(mx.nd.array([1.7]), { dtype: 'int32' }); // [1]
 */
export function cast(x: NDArray, options: { dtype: DType }): NDArray {
  checkNDArray('cast', 'x', x);
  checkRequiredOptions('cast', options);
  return applyOp('cast', [x], { dtype: checkDType('cast', options.dtype) });
}
