import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { sliceAxis } from './slice-axis.js';

/** Options of `split`. */
export interface SplitOptions {
  numOutputs: number;
  /** Default 1, as MXNet. */
  axis?: number;
  /** Drop the split axis (its length must become 1). */
  squeezeAxis?: boolean;
}

/**
 * MXNet `nd.split(data, num_outputs, axis=1, squeeze_axis=False)` (`SliceChannel`): equal
 * parts along an axis.
 *
 * @example
 * const [a, b, c] = mx.nd.split(mx.nd.ones([3, 5]), { numOutputs: 3, axis: 0, squeezeAxis: true });
 */
export function split(x: NDArray, options: SplitOptions): NDArray[] {
  checkNDArray('split', 'x', x);
  checkRequiredOptions('split', options);
  return disposeCreated(() => {
    const axis = normalizeAxis('split', options.axis ?? 1, x.ndim);
    const n = options.numOutputs;
    if (!Number.isInteger(n) || n <= 0 || x.shape[axis] % n !== 0) {
      throw new InvalidArgumentError(
        'split',
        `numOutputs=${n} must divide the length ${x.shape[axis]} of axis ${axis}`,
      );
    }
    const len = x.shape[axis] / n;
    return Array.from({ length: n }, (_, i) => {
      const part = sliceAxis(x, { axis, begin: i * len, end: (i + 1) * len });
      if (!options.squeezeAxis) return part;
      if (len !== 1) throw new InvalidArgumentError('split', 'squeezeAxis needs parts of length 1');
      const shape = part.shape.filter((_, k) => k !== axis);
      return applyOp('reshape', [part], { shape: shape.length ? shape : [1] });
    });
  });
}
