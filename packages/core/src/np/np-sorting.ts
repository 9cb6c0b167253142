import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { disposeCreated } from '../memory/collect.js';
import { fromHost } from '../ndarray/creation.js';
import { hostArray } from '../ndarray/dtype.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import * as nd from '../ops/index.js';
import { asNpInPlace, type NpArray } from './np-array.js';
import { full } from './np-creation.js';
import { concatenate, reshape } from './np-shape.js';

const np = <T extends NDArray>(fn: () => T): NpArray => asNpInPlace(disposeCreated(fn));

/** Resolves NumPy's `axis` (-1 by default; null sorts the flattened array). */
function sortInput(op: string, a: NDArray, axis: number | null | undefined): [NDArray, number] {
  if (axis === null) return [nd.reshape(a, { shape: [-1] }), 0];
  return [a, normalizeAxis(op, axis ?? -1, a.ndim)];
}

/** MXNet `np.sort(a, axis=-1)`: ascending along an axis. @example mx.np.sort(mx.np.array([3, 1, 2])) // array([1., 2., 3.]) */
export function sort(a: NDArray, options: { axis?: number | null } = {}): NpArray {
  return np(() => {
    const [x, axis] = sortInput('sort', a, options.axis);
    return nd.sort(x, { axis });
  });
}

/** MXNet `np.argsort(a, axis=-1)`: the indices that sort `a`, as int32. @example mx.np.argsort(mx.np.array([3, 1, 2])) // array([1, 2, 0], dtype=int32) */
export function argsort(a: NDArray, options: { axis?: number | null } = {}): NpArray {
  return np(() => {
    const [x, axis] = sortInput('argsort', a, options.axis);
    return nd.argsort(x, { axis, dtype: 'int32' });
  });
}

/**
 * MXNet `np.unique(ar)`: the sorted distinct values of the flattened array. Its length
 * depends on the values, so it reads them (synchronously, as MXNet blocks), and it does
 * not differentiate (MXNet registers no gradient).
 *
 * @example
 * mx.np.unique(mx.np.array([2, 1, 2, 3])); // array([1., 2., 3.])
 */
export function unique(ar: NDArray): NpArray {
  return uniqueOf(ar, ar.dataSync());
}

/**
 * `unique` for backends that read asynchronously (WebGPU): the same result, awaited.
 * @example const u = await mx.np.uniqueAsync(x);
 */
export async function uniqueAsync(ar: NDArray): Promise<NpArray> {
  return uniqueOf(ar, await ar.data());
}

function uniqueOf(ar: NDArray, data: ArrayLike<number>): NpArray {
  const values = Array.from(data);
  const sorted = [...new Set(values)].sort((p, q) => p - q);
  const out = hostArray(ar.dtype, sorted.length);
  sorted.forEach((v, i) => {
    out[i] = v;
  });
  return asNpInPlace(fromHost(out, [sorted.length], ar.context));
}

/**
 * MXNet `np.meshgrid(*xi, indexing='xy')`: coordinate arrays from 1-d arrays, broadcast
 * (so they differentiate).
 *
 * @example
 * const [X, Y] = mx.np.meshgrid([mx.np.arange(3), mx.np.arange(2)]); // shapes [2, 3]
 */
export function meshgrid(
  xi: readonly NDArray[],
  options: { indexing?: 'xy' | 'ij' } = {},
): NpArray[] {
  const indexing = options.indexing ?? 'xy';
  const sizes = xi.map((x) => x.size);
  if (indexing === 'xy' && xi.length >= 2) [sizes[0], sizes[1]] = [sizes[1], sizes[0]];
  return xi.map((x, i) => {
    const pos = indexing === 'xy' && xi.length >= 2 && i < 2 ? 1 - i : i;
    const lift = sizes.map((d, k) => (k === pos ? d : 1));
    return np(() => nd.broadcastTo(nd.reshape(x, { shape: lift }), { shape: sizes }));
  });
}

/**
 * MXNet `np.pad(x, pad_width, mode='constant', constant_values=0)`: constant padding,
 * composed of concatenations (so it differentiates). `padWidth` is one `[before, after]`
 * per axis, one pair for all, or one number.
 *
 * @example
 * mx.np.pad(mx.np.ones([2]), [[1, 2]]); // array([0., 1., 1., 0., 0.])
 */
export function pad(
  x: NDArray,
  padWidth: number | readonly (readonly [number, number])[],
  options: { mode?: 'constant'; constantValues?: number } = {},
): NpArray {
  if ((options.mode ?? 'constant') !== 'constant') {
    throw new InvalidArgumentError(
      'pad',
      `mode '${options.mode}' is not supported; MXTS pads with mode 'constant'`,
    );
  }
  const pairs =
    typeof padWidth === 'number'
      ? x.shape.map((): [number, number] => [padWidth, padWidth])
      : padWidth.length === 1
        ? x.shape.map(() => padWidth[0])
        : padWidth;
  if (
    pairs.length !== x.ndim ||
    pairs.some(([b, e]) => !Number.isInteger(b) || !Number.isInteger(e) || b < 0 || e < 0)
  ) {
    throw new InvalidArgumentError(
      'pad',
      `padWidth needs one pair of non-negative integers per axis (${x.ndim})`,
    );
  }
  const value = options.constantValues ?? 0;
  return np(() => {
    let y: NDArray = x;
    pairs.forEach(([b, e], axis) => {
      const parts: NDArray[] = [];
      const side = (n: number) =>
        full(
          y.shape.map((d, k) => (k === axis ? n : d)),
          value,
          { dtype: x.dtype, ctx: x.context },
        );
      if (b > 0) parts.push(side(b));
      parts.push(y);
      if (e > 0) parts.push(side(e));
      if (parts.length > 1) y = concatenate(parts, { axis });
    });
    return y === x ? reshape(x, [...x.shape]) : y;
  });
}
