import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import { zerosLike } from '../ndarray/creation.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis, sameShape } from '../ndarray/shape.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { clip } from './clip.js';
import { oneHot } from './one-hot.js';
import { sum } from './sum.js';
import { transpose } from './transpose.js';
import { where } from './where.js';

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
 * `index` along `axis`. Composed of one_hot, where and sum, so it differentiates.
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
  return disposeCreated(() => {
    const depth = data.shape[axis];
    const idx =
      index.ndim === data.ndim
        ? applyOp('reshape', [index], { shape: index.shape.filter((_, i) => i !== axis) })
        : index;
    let mask = oneHot(clip(idx, 0, depth - 1), { depth, dtype: data.dtype });
    if (axis !== data.ndim - 1) {
      const perm = Array.from({ length: data.ndim }, (_, i) => i);
      perm.splice(axis, 0, perm.pop()!);
      mask = transpose(mask, { axes: perm });
    }
    // where, not multiply: NaN or Inf elsewhere in the row must not leak (NaN * 0 is NaN).
    const picked = where(mask, data, zerosLike(data));
    return sum(picked, { axis, keepdims: options.keepdims ?? false });
  });
}
