import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkAxes, checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/**
 * MXNet `nd.squeeze(data, axis=None)`: removes length-1 axes (all, or those named). A
 * result with no axes left has shape [1], as in MXNet.
 *
 * @example
 * mx.nd.squeeze(mx.nd.ones([2, 1, 3])).shape; // [2, 3]
 */
export function squeeze(x: NDArray, options: { axis?: number | readonly number[] } = {}): NDArray {
  checkNDArray('squeeze', 'x', x);
  checkOptions('squeeze', options);
  if (options.axis !== undefined) checkAxes('squeeze', 'axis', options.axis);
  const axes =
    options.axis === undefined
      ? x.shape.flatMap((d, i) => (d === 1 ? [i] : []))
      : (typeof options.axis === 'number' ? [options.axis] : options.axis).map((a) =>
          normalizeAxis('squeeze', a, x.ndim),
        );
  for (const a of axes) {
    if (x.shape[a] !== 1) {
      throw new InvalidArgumentError('squeeze', `axis ${a} has length ${x.shape[a]}, not 1`);
    }
  }
  const shape = x.shape.filter((_, i) => !axes.includes(i));
  return applyOp('reshape', [x], { shape: shape.length === 0 ? [1] : shape });
}
