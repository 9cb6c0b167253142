import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkNumber } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.clip(data, a_min, a_max)`: limits values to [aMin, aMax]. The gradient passes
 * where aMin <= x <= aMax, as MXNet's `clip` backward.
 *
 * @example
 * mx.nd.clip(mx.nd.array([-2, 0.5, 3]), 0, 1); // [0.  0.5 1. ]
 */
export function clip(x: NDArray, aMin: number, aMax: number): NDArray {
  checkNDArray('clip', 'x', x);
  checkNumber('clip', 'aMin', aMin);
  checkNumber('clip', 'aMax', aMax);
  if (!(aMin <= aMax))
    throw new InvalidArgumentError('clip', `aMin=${aMin} must be <= aMax=${aMax}`);
  return applyOp('clip', [x], { min: aMin, max: aMax });
}
