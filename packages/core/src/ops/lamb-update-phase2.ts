import { ShapeError } from '../errors/shape-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { add } from './add.js';
import { divide } from './divide.js';
import { equal } from './equal.js';
import { maximum } from './maximum.js';
import { minimum } from './minimum.js';
import { multiply } from './multiply.js';
import { subtract } from './subtract.js';
import { checkUpdateArrays, numberOption, runUpdate, scalarCast } from './update.js';
import { where } from './where.js';

/** Options of `lambUpdatePhase2`. */
export interface LambUpdatePhase2Options {
  /** Learning rate (required). */
  lr: number;
  /** Floor of the weight norm `r1` when >= 0; default -1 (off). */
  lowerBound?: number;
  /** Ceiling of the weight norm `r1` when >= 0; default -1 (off). */
  upperBound?: number;
  /** Where the new weight goes; pass the weight to update in place. */
  out?: NDArray;
}

/**
 * MXNet `nd.lamb_update_phase2(weight, g, r1, r2, lr, lower_bound=-1, upper_bound=-1,
 * out=None)`, MXNet 1.9.1's `LambUpdatePhaseTwoKernel`: `r1` (the weight's norm, shape
 * `[1]`) is clamped to the bounds, then `out = weight - lr*r1/r2 * g`, or
 * `weight - lr*g` when `r1` or `r2` (the norm of `g`) is 0. The trust ratio is computed on
 * the device, so nothing is read back.
 *
 * @example
 * mx.nd.lambUpdatePhase2(w, g, w.norm(), g.norm(), { lr: 0.001, out: w });
 */
export function lambUpdatePhase2(
  weight: NDArray,
  g: NDArray,
  r1: NDArray,
  r2: NDArray,
  options: LambUpdatePhase2Options,
): NDArray {
  checkNDArray('lambUpdatePhase2', 'weight', weight);
  checkNDArray('lambUpdatePhase2', 'g', g);
  checkNDArray('lambUpdatePhase2', 'r1', r1);
  checkNDArray('lambUpdatePhase2', 'r2', r2);
  checkRequiredOptions('lambUpdatePhase2', options);
  const op = 'lambUpdatePhase2';
  checkUpdateArrays(op, weight, { g, out: options?.out });
  for (const [name, r] of [
    ['r1', r1],
    ['r2', r2],
  ] as const) {
    checkUpdateArrays(op, r, {});
    if (r.shape.length !== 1 || r.shape[0] !== 1) {
      throw new ShapeError(op, [r.shape], `${name} must have shape (1), a norm`);
    }
  }
  const f = scalarCast(weight);
  const lr = f(numberOption(op, 'lr', options.lr));
  const lower = f(numberOption(op, 'lowerBound', options.lowerBound, -1));
  const upper = f(numberOption(op, 'upperBound', options.upperBound, -1));
  return runUpdate(options.out, [], () => {
    let r = r1;
    if (lower >= 0) r = maximum(r, lower);
    if (upper >= 0) r = minimum(r, upper);
    const plain = maximum(equal(r, 0), equal(r2, 0));
    const trusted = divide(multiply(r, lr), r2);
    const rate = where(plain, add(multiply(plain, 0), lr), trusted);
    return [subtract(weight, multiply(g, rate))];
  });
}
