import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/** Options of `take`. */
export interface TakeOptions {
  /** Default 0. */
  axis?: number;
  /** Out-of-range indices: 'clip' (default) or 'wrap', as MXNet. */
  mode?: 'clip' | 'wrap';
}

/**
 * MXNet `nd.take(a, indices, axis=0, mode='clip')`: gathers slices along an axis. The result
 * has shape a.shape[:axis] + indices.shape + a.shape[axis+1:].
 *
 * @example
 * mx.nd.take(mx.nd.array([[1, 2], [3, 4]]), mx.nd.array([1, 1])); // [[3 4] [3 4]]
 */
export function take(a: NDArray, indices: NDArray, options: TakeOptions = {}): NDArray {
  checkNDArray('take', 'a', a);
  checkNDArray('take', 'indices', indices);
  checkOptions('take', options);
  const axis = normalizeAxis('take', options.axis ?? 0, a.ndim);
  const mode = options.mode ?? 'clip';
  if (mode !== 'clip' && mode !== 'wrap') {
    throw new InvalidArgumentError(
      'take',
      `mode '${String(mode)}' is not supported; use 'clip' or 'wrap'`,
    );
  }
  return applyOp('take', [a, indices], { axis, mode });
}
