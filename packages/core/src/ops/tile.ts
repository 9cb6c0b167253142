import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.tile(data, reps)`: repeats the whole array along each axis. Shorter `reps` are
 * padded with 1s in front; longer ones add leading axes, as numpy.
 *
 * @example
 * mx.nd.tile(mx.nd.array([1, 2]), { reps: [2, 2] }).shape; // [2, 4]
 */
export function tile(x: NDArray, options: { reps: readonly number[] }): NDArray {
  return disposeCreated(() => {
    const { reps } = options;
    if (reps.some((r) => !Number.isInteger(r) || r < 0)) {
      throw new InvalidArgumentError(
        'tile',
        `reps (${reps.join(', ')}) must be non-negative integers`,
      );
    }
    const n = Math.max(reps.length, x.ndim);
    const fullReps = [...new Array(n - reps.length).fill(1), ...reps];
    const shape = [...new Array(n - x.ndim).fill(1), ...x.shape];
    const src = shape.length === x.ndim ? x : applyOp('reshape', [x], { shape });
    return applyOp('tile', [src], { reps: fullReps });
  });
}
