import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { abs } from './abs.js';
import type { ReduceOptions } from './reduce-axes.js';
import { sqrt } from './sqrt.js';
import { square } from './square.js';
import { sum } from './sum.js';

/** Options of `norm`. */
export interface NormOptions extends Omit<ReduceOptions, 'exclude'> {
  /** 1 (sum of absolute values) or 2 (Euclidean, the default), as MXNet. */
  ord?: 1 | 2;
}

/**
 * MXNet `nd.norm(data, ord=2, axis=None, keepdims=False)`: the L2 (or L1) norm, composed of
 * square, sum and sqrt so it differentiates to any order.
 *
 * @example
 * mx.nd.norm(mx.nd.array([3, 4])); // [5.]
 */
export function norm(x: NDArray, options: NormOptions = {}): NDArray {
  checkNDArray('norm', 'x', x);
  checkOptions('norm', options);
  return disposeCreated(() => {
    const { ord = 2, ...reduce } = options;
    if (ord === 1) return sum(abs(x), reduce);
    if (ord === 2) return sqrt(sum(square(x), reduce));
    throw new InvalidArgumentError('norm', `ord must be 1 or 2, got ${String(ord)}`);
  });
}
