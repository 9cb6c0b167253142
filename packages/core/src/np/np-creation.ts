import type { Context } from '../backend/context.js';
import { currentContext } from '../backend/registry.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import * as creation from '../ndarray/creation.js';
import { checkDType, type DType, hostArray } from '../ndarray/dtype.js';
import { NDArray } from '../ndarray/ndarray.js';
import { checkShape, type Shape, sizeOf } from '../ndarray/shape.js';
import { copy } from '../ops/copy.js';
import { reshape as ndReshape } from '../ops/reshape.js';
import { asNpInPlace, type NpArray } from './np-array.js';
import { castTo } from './np-dtype.js';

/** Where and as what an np array is created (MXNet's `dtype=`, `ctx=`). */
export interface NpCreationOptions {
  /** Element type; float32 by default, as MXNet's np. */
  dtype?: DType;
  /** Device; the current default context when omitted. */
  ctx?: Context;
}

/** A nested list of numbers (Python's `[[1, 2], [3, 4]]`), or one number for a 0-d array. */
export type NpNested = number | readonly NpNested[];

/**
 * MXNet `np.array(object, dtype=None, ctx=None)`: an array from a number (0-d), a nested list
 * or a typed array; float32 unless `dtype` says otherwise. From an array it copies, keeping
 * the dtype.
 *
 * @example
 * mx.np.array([[1, 2], [3, 4]]); // array([[1., 2.], [3., 4.]])
 * mx.np.array(3).shape;          // []
 */
export function array(
  object: NpNested | ArrayLike<number> | NDArray,
  options: NpCreationOptions = {},
): NpArray {
  if (object instanceof NDArray) {
    const c = object.copyTo(options.ctx ?? object.context);
    return asNpInPlace(options.dtype ? castTo(c, options.dtype) : c);
  }
  if (typeof object === 'number') return full([], object, options);
  return asNpInPlace(creation.array(object as never, options));
}

/**
 * MXNet `np.full(shape, fill_value, dtype=None, ctx=None)`.
 * @example mx.np.full([2, 2], 7) // array([[7., 7.], [7., 7.]])
 */
export function full(
  shape: Shape | number,
  fillValue: number,
  options: NpCreationOptions = {},
): NpArray {
  const s = checkShape('full', shape);
  const values = hostArray(checkDType('full', options.dtype ?? 'float32'), sizeOf(s));
  if (fillValue !== 0) values.fill(fillValue);
  return asNpInPlace(creation.fromHost(values, s, options.ctx ?? currentContext()));
}

/** MXNet `np.zeros(shape, dtype=float32, ctx=None)`. @example mx.np.zeros([2, 3]) */
export function zeros(shape: Shape | number, options: NpCreationOptions = {}): NpArray {
  return full(shape, 0, options);
}

/** MXNet `np.ones(shape, dtype=float32, ctx=None)`. @example mx.np.ones([2, 3]) */
export function ones(shape: Shape | number, options: NpCreationOptions = {}): NpArray {
  return full(shape, 1, options);
}

/** MXNet `np.empty(shape)`; MXTS zero-fills it, so reads are deterministic. @example mx.np.empty([2]) */
export function empty(shape: Shape | number, options: NpCreationOptions = {}): NpArray {
  return full(shape, 0, options);
}

/** MXNet `np.full_like(a, fill_value)`. @example mx.np.fullLike(x, 2) */
export function fullLike(a: NDArray, fillValue: number, options: NpCreationOptions = {}): NpArray {
  return full(a.shape, fillValue, { dtype: a.dtype, ctx: a.context, ...options });
}

/** MXNet `np.zeros_like(a)`. @example mx.np.zerosLike(x) */
export function zerosLike(a: NDArray, options: NpCreationOptions = {}): NpArray {
  return fullLike(a, 0, options);
}

/** MXNet `np.ones_like(a)`. @example mx.np.onesLike(x) */
export function onesLike(a: NDArray, options: NpCreationOptions = {}): NpArray {
  return fullLike(a, 1, options);
}

/** MXNet `np.empty_like(a)` (zero-filled). @example mx.np.emptyLike(x) */
export function emptyLike(a: NDArray, options: NpCreationOptions = {}): NpArray {
  return fullLike(a, 0, options);
}

/**
 * MXNet `np.arange(start, stop=None, step=1, dtype=None, ctx=None)`: values in [start, stop),
 * float32 by default (MXNet's np, not NumPy's int64). With one number it is the stop.
 *
 * @example
 * mx.np.arange(4);          // array([0., 1., 2., 3.])
 * mx.np.arange(1, 2, 0.25); // array([1.  , 1.25, 1.5 , 1.75])
 */
export function arange(
  start: number,
  stop?: number | null,
  step = 1,
  options: NpCreationOptions = {},
): NpArray {
  if (stop === undefined || stop === null) {
    stop = start;
    start = 0;
  }
  return asNpInPlace(creation.arange(start, stop, { ...options, step }));
}

/** Options of `linspace`. */
export interface LinspaceOptions extends NpCreationOptions {
  /** Include `stop` as the last value (default true). */
  endpoint?: boolean;
}

/**
 * MXNet `np.linspace(start, stop, num=50, endpoint=True, dtype=None, ctx=None)`: `num`
 * evenly spaced values, computed as MXNet's kernel does (`start + i * step` in double).
 *
 * @example
 * mx.np.linspace(0, 1, 5); // array([0.  , 0.25, 0.5 , 0.75, 1.  ])
 */
export function linspace(
  start: number,
  stop: number,
  num = 50,
  options: LinspaceOptions = {},
): NpArray {
  if (!Number.isInteger(num) || num < 0) {
    throw new InvalidArgumentError('linspace', `num=${num} must be a non-negative integer`);
  }
  const values = hostArray(checkDType('linspace', options.dtype ?? 'float32'), num);
  values.set(linspaceValues(start, stop, num, options.endpoint ?? true));
  return asNpInPlace(creation.fromHost(values, [num], options.ctx ?? currentContext()));
}

/** Options of `eye`. */
export interface EyeOptions extends NpCreationOptions {
  /** Index of the diagonal: 0 the main one, positive above, negative below. */
  k?: number;
}

/**
 * MXNet `np.eye(N, M=None, k=0, dtype=float32, ctx=None)`: ones on one diagonal.
 * @example mx.np.eye(2) // array([[1., 0.], [0., 1.]])
 */
export function eye(n: number, m: number | null = null, options: EyeOptions = {}): NpArray {
  const cols = m ?? n;
  const s = checkShape('eye', [n, cols]);
  const k = options.k ?? 0;
  const values = hostArray(checkDType('eye', options.dtype ?? 'float32'), n * cols);
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) values[i * cols + j] = 1;
  }
  return asNpInPlace(creation.fromHost(values, s, options.ctx ?? currentContext()));
}

/** MXNet `np.identity(n)`. @example mx.np.identity(3) */
export function identity(n: number, options: NpCreationOptions = {}): NpArray {
  return eye(n, null, options);
}

/** MXNet `np.copy(a)`. @example mx.np.copy(x) */
export function npCopy(a: NDArray): NpArray {
  return asNpInPlace(copy(a));
}

/** @internal A 0-d np view of a size-1 result (nd reductions give shape [1]). */
export function toScalarShape(x: NDArray): NpArray {
  return asNpInPlace(ndReshape(x, { shape: [] }));
}

/**
 * MXNet `np.logspace(start, stop, num=50, endpoint=True, base=10.0)`: `base ** linspace`.
 * @example mx.np.logspace(0, 2, 3); // array([  1.,  10., 100.])
 */
export function logspace(
  start: number,
  stop: number,
  num = 50,
  options: LinspaceOptions & { base?: number } = {},
): NpArray {
  const { base = 10, ...rest } = options;
  if (!Number.isInteger(num) || num < 0) {
    throw new InvalidArgumentError('logspace', `num=${num} must be a non-negative integer`);
  }
  const values = hostArray(checkDType('logspace', rest.dtype ?? 'float32'), num);
  values.set(linspaceValues(start, stop, num, rest.endpoint ?? true).map((e) => base ** e));
  return asNpInPlace(creation.fromHost(values, [num], rest.ctx ?? currentContext()));
}

/** `num` evenly spaced values as MXNet's kernel computes them (`start + i * step` in double). */
function linspaceValues(start: number, stop: number, num: number, endpoint: boolean): number[] {
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : 0;
  const out = Array.from({ length: num }, (_, i) => start + i * step);
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
}
