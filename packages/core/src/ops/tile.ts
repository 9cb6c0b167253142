import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import {
  checkNDArray,
  checkRequiredOptions,
  checkShapeArg,
  checkSize,
} from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.tile(data, reps)`: repeats the whole array along each axis. Shorter `reps` are
 * padded with 1s in front; longer ones add leading axes, as numpy.
 *
 * @example
 * mx.nd.tile(mx.nd.array([1, 2]), { reps: [2, 2] }).shape; // [2, 4]
 */
export function tile(x: NDArray, options: { reps: readonly number[] }): NDArray {
  checkNDArray('tile', 'x', x);
  checkRequiredOptions('tile', options);
  const reps = checkShapeArg('tile', 'reps', options.reps);
  const n = Math.max(reps.length, x.ndim);
  const fullReps = [...new Array(n - reps.length).fill(1), ...reps];
  const shape = [...new Array(n - x.ndim).fill(1), ...x.shape];
  checkSize(
    'tile',
    shape.map((d, i) => d * fullReps[i]),
    x.dtype,
  );
  return disposeCreated(() => {
    const src = shape.length === x.ndim ? x : applyOp('reshape', [x], { shape });
    return applyOp('tile', [src], { reps: fullReps });
  });
}
