import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { disposeCreated } from '../memory/collect.js';
import { array as ndArray } from '../ndarray/creation.js';
import type { DType } from '../ndarray/dtype.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import * as nd from '../ops/index.js';
import { asNpInPlace, type NpArray } from './np-array.js';
import { castTo, floatType } from './np-dtype.js';

/** NumPy's reduction options: `axis` (one, several, or all when omitted), `keepdims`. */
export interface NpReduceOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
  /** The accumulation and output dtype; MXNet's `dtype=`. */
  dtype?: DType;
}

/** Options of `std` and `var`. */
export interface NpStdOptions extends NpReduceOptions {
  /** Delta degrees of freedom: divides by `n - ddof` (default 0). */
  ddof?: number;
}

/** The axes a reduction covers, non-negative and sorted. */
function axesOf(op: string, x: NDArray, axis: NpReduceOptions['axis']): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: x.ndim }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const axes = list.map((a) => normalizeAxis(op, a, x.ndim)).sort((a, b) => a - b);
  if (new Set(axes).size !== axes.length) {
    throw new InvalidArgumentError(op, `axis (${list.join(', ')}) names an axis twice`);
  }
  return axes;
}

/** The shape after reducing `axes` of `shape`. */
function reducedShape(shape: readonly number[], axes: number[], keepdims: boolean): number[] {
  return keepdims
    ? shape.map((d, i) => (axes.includes(i) ? 1 : d))
    : shape.filter((_, i) => !axes.includes(i));
}

type NdReduce = (x: NDArray, o: nd.ReduceOptions) => NDArray;

/** Runs an nd reduction with NumPy's shapes: reducing every axis gives a 0-d array. */
function reduce(op: string, fn: NdReduce, x: NDArray, o: NpReduceOptions, dtype?: DType): NpArray {
  const axes = axesOf(op, x, o.axis);
  const keepdims = o.keepdims ?? false;
  return asNpInPlace(
    disposeCreated(() => {
      const xc = castTo(x, o.dtype ?? dtype ?? x.dtype);
      if (axes.length === 0) return nd.copy(xc);
      const r = fn(xc, { axis: axes, keepdims });
      const shape = reducedShape(x.shape, axes, keepdims);
      return shape.length === r.ndim ? r : nd.reshape(r, { shape });
    }),
  );
}

/** MXNet `np.sum(a, axis=None, dtype=None, keepdims=False)`. @example mx.np.sum(mx.np.ones([2, 3])) // array(6.) */
export function sum(a: NDArray, options: NpReduceOptions = {}): NpArray {
  return reduce('sum', nd.sum, a, options);
}

/** MXNet `np.mean(a, axis=None, dtype=None, keepdims=False)`; integers average in float32. @example mx.np.mean(x, { axis: 0 }) */
export function mean(a: NDArray, options: NpReduceOptions = {}): NpArray {
  return reduce('mean', nd.mean, a, options, floatType(a.dtype));
}

/** MXNet `np.max(a, axis=None, keepdims=False)` (`np.amax`). @example mx.np.max(x) */
export function max(a: NDArray, options: NpReduceOptions = {}): NpArray {
  if (a.size === 0) throw new InvalidArgumentError('max', 'zero-size array has no maximum');
  return reduce('max', nd.max, a, options);
}

/** MXNet `np.min(a, axis=None, keepdims=False)` (`np.amin`). @example mx.np.min(x) */
export function min(a: NDArray, options: NpReduceOptions = {}): NpArray {
  if (a.size === 0) throw new InvalidArgumentError('min', 'zero-size array has no minimum');
  return reduce('min', nd.min, a, options);
}

/** MXNet `np.prod(a, axis=None, dtype=None, keepdims=False)`. @example mx.np.prod(x) */
export function prod(a: NDArray, options: NpReduceOptions = {}): NpArray {
  return reduce('prod', nd.prod, a, options);
}

/** The number of elements a reduction over `axes` averages. */
function countOf(x: NDArray, axes: number[]): number {
  return axes.reduce((n, i) => n * x.shape[i], 1);
}

/**
 * MXNet `np.var(a, axis=None, dtype=None, ddof=0, keepdims=False)`: the mean squared
 * deviation, divided by `n - ddof`, composed of differentiable ops.
 *
 * @example
 * mx.np.var(mx.np.array([1, 2, 3, 4])); // array(1.25)
 */
export function variance(a: NDArray, options: NpStdOptions = {}): NpArray {
  const axes = axesOf('var', a, options.axis);
  const ddof = options.ddof ?? 0;
  const n = countOf(a, axes);
  return asNpInPlace(
    disposeCreated(() => {
      const x = castTo(a, options.dtype ?? floatType(a.dtype));
      const mu = reduce('var', nd.mean, x, { axis: axes, keepdims: true });
      const d = nd.square(nd.subtract(x, mu));
      const s = reduce('var', nd.sum, d, { axis: axes, keepdims: options.keepdims });
      return nd.divide(s, n - ddof);
    }),
  );
}

/** MXNet `np.std(a, axis=None, dtype=None, ddof=0, keepdims=False)`: `sqrt(var)`. @example mx.np.std(x) */
export function std(a: NDArray, options: NpStdOptions = {}): NpArray {
  return asNpInPlace(disposeCreated(() => nd.sqrt(variance(a, options))));
}

/** Options of `argmax` / `argmin`. */
export interface NpArgOptions {
  /** The axis; the flattened array when omitted. */
  axis?: number | null;
  keepdims?: boolean;
}

function argReduce(op: 'argmax' | 'argmin', a: NDArray, o: NpArgOptions): NpArray {
  if (a.size === 0)
    throw new InvalidArgumentError(op, 'attempt to get argmax/argmin of an empty sequence');
  const fn = op === 'argmax' ? nd.argmax : nd.argmin;
  return asNpInPlace(
    disposeCreated(() => {
      if (o.axis === undefined || o.axis === null) {
        const flat = nd.reshape(a, { shape: [-1] });
        const r = fn(flat, { axis: 0 });
        return nd.cast(nd.reshape(r, { shape: o.keepdims ? a.shape.map(() => 1) : [] }), {
          dtype: 'int32',
        });
      }
      const axis = normalizeAxis(op, o.axis, a.ndim);
      const r = fn(a, { axis, keepdims: o.keepdims ?? false });
      const shape = reducedShape(a.shape, [axis], o.keepdims ?? false);
      return nd.cast(shape.length === r.ndim ? r : nd.reshape(r, { shape }), { dtype: 'int32' });
    }),
  );
}

/** MXNet `np.argmax(a, axis=None)`: indices as int32 (MXNet: int64). @example mx.np.argmax(x) // array(3, dtype=int32) */
export function argmax(a: NDArray, options: NpArgOptions = {}): NpArray {
  return argReduce('argmax', a, options);
}

/** MXNet `np.argmin(a, axis=None)`: indices as int32 (MXNet: int64). @example mx.np.argmin(x) */
export function argmin(a: NDArray, options: NpArgOptions = {}): NpArray {
  return argReduce('argmin', a, options);
}

/**
 * MXNet `np.cumsum(a, axis=None, dtype=None)`: running sums along an axis (of the flattened
 * array when omitted), composed as a product with a triangular matrix of ones, so it
 * differentiates to any order.
 *
 * @example
 * mx.np.cumsum(mx.np.array([1, 2, 3])); // array([1., 3., 6.])
 */
export function cumsum(a: NDArray, options: { axis?: number | null; dtype?: DType } = {}): NpArray {
  return asNpInPlace(
    disposeCreated(() => {
      const dtype = options.dtype ?? a.dtype;
      let x = castTo(a, dtype === 'int32' ? 'float32' : dtype);
      let axis: number;
      if (options.axis === undefined || options.axis === null) {
        x = nd.reshape(x, { shape: [-1] });
        axis = 0;
      } else axis = normalizeAxis('cumsum', options.axis, a.ndim);
      const n = x.shape[axis];
      const tri = new Float32Array(n * n);
      for (let i = 0; i < n; i++) for (let j = i; j < n; j++) tri[i * n + j] = 1;
      const u = nd.cast(ndArray(tri, { shape: [n, n], ctx: x.context }), { dtype: x.dtype });
      const last = x.ndim - 1;
      const perm = Array.from({ length: x.ndim }, (_, i) => i);
      perm[axis] = last;
      perm[last] = axis;
      const moved = axis === last ? x : nd.transpose(x, { axes: perm });
      const c = nd.dot(moved, u);
      const back = axis === last ? c : nd.transpose(c, { axes: perm });
      return castTo(back, dtype);
    }),
  );
}

/**
 * MXNet `np.average(a, axis=None, weights=None)`: the mean, or the weighted mean
 * `sum(a * w) / sum(w)` with `weights` of a's shape (or 1-d along `axis`).
 *
 * @example
 * mx.np.average(mx.np.array([1, 2, 3]), { weights: mx.np.array([3, 1, 0]) }); // array(1.25)
 */
export function average(
  a: NDArray,
  options: { axis?: number | null; weights?: NDArray | null } = {},
): NpArray {
  const w = options.weights ?? null;
  if (w === null) return mean(a, { axis: options.axis });
  return asNpInPlace(
    disposeCreated(() => {
      let wb: NDArray = castTo(w, floatType(a.dtype));
      if (w.ndim === 1 && a.ndim > 1) {
        if (options.axis === undefined || options.axis === null) {
          throw new InvalidArgumentError(
            'average',
            'axis must be given when weights are 1-d and a is not',
          );
        }
        const axis = normalizeAxis('average', options.axis, a.ndim);
        wb = nd.reshape(wb, { shape: a.shape.map((d, i) => (i === axis ? d : 1)) });
      }
      const x = castTo(a, floatType(a.dtype));
      const num = sum(nd.multiply(x, nd.broadcastTo(wb, { shape: [...a.shape] })), {
        axis: options.axis,
      });
      const den = sum(nd.broadcastTo(wb, { shape: [...a.shape] }), { axis: options.axis });
      return nd.divide(num, den);
    }),
  );
}
