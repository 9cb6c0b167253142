import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis, sameShape } from '../ndarray/shape.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/** Options of `pick`. */
export interface PickOptions {
  /** Default -1. */
  axis?: number;
  keepdims?: boolean;
  /** Only 'clip' (MXNet's default). */
  mode?: 'clip';
}

/**
 * MXNet `nd.pick(data, index, axis=-1, keepdims=False)`: one element per row, chosen by
 * `index` along `axis`, as one gather; its gradient puts g back at the picked positions.
 *
 * @example
 * mx.nd.pick(mx.nd.array([[1, 2], [3, 4]]), mx.nd.array([1, 0])); // [2. 3.]
 */
export function pick(data: NDArray, index: NDArray, options: PickOptions = {}): NDArray {
  checkNDArray('pick', 'data', data);
  checkNDArray('pick', 'index', index);
  checkOptions('pick', options);
  const axis = normalizeAxis('pick', options.axis ?? -1, data.ndim);
  if ((options.mode ?? 'clip') !== 'clip') {
    throw new InvalidArgumentError('pick', `mode '${options.mode}' is not supported; use 'clip'`);
  }
  // MXNet's PickOpShape: index has data's shape without the axis (or with it of length 1).
  const rest = data.shape.filter((_, i) => i !== axis);
  const kept = data.shape.map((d, i) => (i === axis ? 1 : d));
  if (!sameShape(index.shape, rest) && !sameShape(index.shape, kept)) {
    throw new ShapeError(
      'pick',
      [data.shape, index.shape],
      `index must have data's shape without axis ${axis}, (${rest.join(', ')})`,
    );
  }
  return applyOp('pick', [data, index], { axis, keepdims: options.keepdims ?? false });
}
