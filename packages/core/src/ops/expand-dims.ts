import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.expand_dims(data, axis)`: inserts a length-1 axis at `axis`.
 *
 * @example
 * mx.nd.expandDims(mx.nd.ones([2, 3]), { axis: 1 }).shape; // [2, 1, 3]
 */
export function expandDims(x: NDArray, options: { axis: number }): NDArray {
  checkNDArray('expandDims', 'x', x);
  checkRequiredOptions('expandDims', options);
  const axis = normalizeAxis('expandDims', options.axis, x.ndim + 1);
  const shape = [...x.shape];
  shape.splice(axis, 0, 1);
  return applyOp('reshape', [x], { shape });
}
