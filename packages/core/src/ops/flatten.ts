import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.flatten(data)` (`Flatten`): collapses every axis but the first.
 *
 * @example
 * mx.nd.flatten(mx.nd.ones([2, 3, 4])).shape; // [2, 12]
 */
export function flatten(x: NDArray): NDArray {
  checkNDArray('flatten', 'x', x);
  const rest = x.shape.slice(1).reduce((a, b) => a * b, 1);
  return applyOp('reshape', [x], { shape: [x.shape[0] ?? 1, rest] });
}
