import type { Context } from '../backend/context.js';
import { backendFor, currentContext } from '../backend/registry.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import {
  checkDTypeArg,
  checkFiniteNumber,
  checkInt,
  checkNDArray,
  checkNumber,
  checkOptions,
  checkShapeArg,
  checkSize,
  describe,
} from '../validate/check-args.js';
import { type DType, type HostArray, hostArray, toHostArray } from './dtype.js';
import { NDArray } from './ndarray.js';
import { type Shape, sizeOf } from './shape.js';

/** Where and as what an array is created. */
export interface CreationOptions {
  /** Element type; float32 by default, as in MXNet. */
  dtype?: DType;
  /** Device; the current default context (see `useBackend`) when omitted. */
  ctx?: Context;
}

/** A nested list of numbers, as Python's `[[1, 2], [3, 4]]`. */
export type NestedArray = number | readonly NestedArray[];

/** @internal Wraps host values as an array on `ctx` (values are handed to the backend). */
export function fromHost(values: HostArray, shape: Shape, ctx: Context): NDArray {
  const backend = backendFor(ctx);
  const dtype: DType =
    values instanceof Float64Array ? 'float64' : values instanceof Int32Array ? 'int32' : 'float32';
  return NDArray._wrap(backend, ctx, backend.write(values, shape, dtype));
}

/**
 * @internal An array of `shape` on `ctx` whose values `fill` writes: in place in the
 * backend's memory where it allows (`Backend.writeWith`), else into a host array it is
 * handed. Callers check their arguments first: the array exists when `fill` runs.
 */
export function fromHostFill(
  shape: Shape,
  dtype: DType,
  ctx: Context,
  fill: (values: HostArray) => void,
): NDArray {
  const backend = backendFor(ctx);
  if (backend.writeWith !== undefined) {
    return NDArray._wrap(backend, ctx, backend.writeWith(shape, dtype, fill));
  }
  const values = hostArray(dtype, sizeOf(shape));
  fill(values);
  return NDArray._wrap(backend, ctx, backend.write(values, shape, dtype));
}

// Walks the nested list once, checking every leaf is a number at one depth (numpy's
// "inhomogeneous shape" and "could not convert string to float" errors), so a string,
// whose characters are strings again, cannot recurse forever.
function inferShape(value: unknown, shape: number[], depth: number, leafDepth: number[]): void {
  // Booleans are numbers to numpy (True -> 1.0), so MXNet's array takes them too.
  if (typeof value === 'number' || typeof value === 'boolean') {
    if (leafDepth[0] === -1) leafDepth[0] = depth;
    else if (leafDepth[0] !== depth) raggedError(depth);
    return;
  }
  if (!Array.isArray(value)) {
    throw new InvalidArgumentError(
      'array',
      `source holds ${describe(value)} at depth ${depth}; every element must be a number`,
    );
  }
  if (leafDepth[0] !== -1 && depth >= leafDepth[0]) raggedError(depth);
  if (shape.length === depth) shape.push(value.length);
  else if (shape[depth] !== value.length) raggedError(depth);
  for (const v of value) inferShape(v, shape, depth + 1, leafDepth);
}

function raggedError(depth: number): never {
  throw new InvalidArgumentError(
    'array',
    `nested lists must be rectangular, with numbers at one depth (ragged at depth ${depth})`,
  );
}

function flattenInto(value: NestedArray, out: number[]): void {
  if (typeof value === 'number' || typeof value === 'boolean') out.push(Number(value));
  else for (const v of value) flattenInto(v, out);
}

/**
 * MXNet `nd.array(source, ctx=None, dtype=None)`: an array from a (nested) list or a typed
 * array. The dtype defaults to float32, also for integer lists, as in MXNet.
 *
 * @example
 * mx.nd.array([[1, 2], [3, 4]]);              // 2x2 float32
 * mx.nd.array([1, 2, 3], { dtype: 'int32' });
 */
export function array(
  source: NestedArray | ArrayLike<number> | NDArray,
  options: CreationOptions & { shape?: Shape } = {},
): NDArray {
  options = checkOptions('array', options) as CreationOptions & { shape?: Shape };
  if (source instanceof NDArray) {
    const copy = source.copyTo(options.ctx ?? source.context);
    return options.dtype && options.dtype !== copy.dtype ? copy.astype(options.dtype) : copy;
  }
  const dtype = checkDTypeArg('array', 'dtype', options.dtype ?? 'float32');
  const ctx = options.ctx ?? currentContext();
  let flat: ArrayLike<number>;
  let shape: number[];
  if (typeof source === 'number') {
    flat = [source];
    shape = [1];
  } else if (isTypedArray(source)) {
    flat = source;
    shape = [flat.length];
  } else if (Array.isArray(source)) {
    shape = [];
    inferShape(source, shape, 0, [-1]);
    checkSize('array', shape, dtype);
    const out: number[] = [];
    flattenInto(source as NestedArray, out);
    flat = out;
  } else if (isArrayLike(source)) {
    flat = Array.from(source as ArrayLike<unknown>, (v, i) =>
      checkNumber('array', `source[${i}]`, v),
    );
    shape = [flat.length];
  } else {
    throw new InvalidArgumentError(
      'array',
      `source must be a number, a (nested) list of numbers, a typed array or an NDArray, got ${describe(source)}`,
    );
  }
  if (options.shape !== undefined) {
    const s = checkShapeArg('array', 'shape', options.shape);
    if (sizeOf(s) !== flat.length) {
      throw new InvalidArgumentError(
        'array',
        `${flat.length} values do not fill shape (${s.join(', ')})`,
      );
    }
    shape = s;
  }
  checkSize('array', shape, dtype);
  return fromHost(toHostArray(flat, dtype), shape, ctx);
}

function isTypedArray(v: unknown): v is ArrayLike<number> {
  return (
    ArrayBuffer.isView(v) &&
    !(v instanceof DataView) &&
    !(v instanceof BigInt64Array) &&
    !(v instanceof BigUint64Array)
  );
}

// Array-likes such as `arguments` or `{ length: 2, 0: 1, 1: 2 }`; a string is not one.
function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { length?: unknown }).length === 'number' &&
    Number.isSafeInteger((v as { length: number }).length) &&
    (v as { length: number }).length >= 0
  );
}

/**
 * MXNet `nd.full(shape, val)`: an array filled with `value`.
 * @example mx.nd.full([2, 2], 7)
 */
export function full(shape: Shape | number, value: number, options: CreationOptions = {}): NDArray {
  return filled('full', shape, value, options);
}

// One path for full, zeros, ones and empty, so each names itself in its errors.
function filled(op: string, shape: unknown, value: unknown, options: unknown): NDArray {
  const s = checkShapeArg(op, 'shape', shape);
  checkNumber(op, 'value', value);
  const opts = checkOptions(op, options as CreationOptions | undefined) as CreationOptions;
  const dtype = checkDTypeArg(op, 'dtype', opts.dtype ?? 'float32');
  checkSize(op, s, dtype);
  return fillHost(s, value as number, dtype, opts.ctx ?? currentContext());
}

function fillHost(s: number[], value: number, dtype: DType, ctx: Context): NDArray {
  const values = hostArray(dtype, sizeOf(s));
  if (value !== 0) values.fill(value);
  return fromHost(values, s, ctx);
}

/** MXNet `nd.zeros(shape)`. @example mx.nd.zeros([2, 3]) */
export function zeros(shape: Shape | number, options: CreationOptions = {}): NDArray {
  return filled('zeros', shape, 0, options);
}

/** MXNet `nd.ones(shape)`. @example mx.nd.ones([2]) */
export function ones(shape: Shape | number, options: CreationOptions = {}): NDArray {
  return filled('ones', shape, 1, options);
}

/** MXNet `nd.empty(shape)`; MXTS zero-fills it, so reads are deterministic. */
export function empty(shape: Shape | number, options: CreationOptions = {}): NDArray {
  return filled('empty', shape, 0, options);
}

/** MXNet `nd.zeros_like(x)`: zeros of x's shape, dtype and context. */
export function zerosLike(x: NDArray): NDArray {
  checkNDArray('zerosLike', 'x', x);
  return full(x.shape, 0, { dtype: x.dtype, ctx: x.context });
}

/** MXNet `nd.ones_like(x)`: ones of x's shape, dtype and context. */
export function onesLike(x: NDArray): NDArray {
  checkNDArray('onesLike', 'x', x);
  return full(x.shape, 1, { dtype: x.dtype, ctx: x.context });
}

/** Options of `arange`. */
export interface ArangeOptions extends CreationOptions {
  /** Step between values; MXNet's `step` (default 1). */
  step?: number;
  /** Repeat each value this many times; MXNet's `repeat` (default 1). */
  repeat?: number;
}

/**
 * MXNet `nd.arange(start, stop=None, step=1.0, repeat=1)`: evenly spaced values in
 * [start, stop). With one number, it is the stop and start is 0.
 *
 * @example
 * mx.nd.arange(5);                  // [0, 1, 2, 3, 4]
 * mx.nd.arange(0, 1, { step: 0.1 }); // 10 values
 */
export function arange(
  start: number,
  stop?: number | ArangeOptions,
  options: ArangeOptions = {},
): NDArray {
  if (typeof stop === 'object' && stop !== null) {
    options = stop;
    stop = undefined;
  }
  checkFiniteNumber('arange', 'start', start);
  if (stop !== undefined) checkFiniteNumber('arange', 'stop', stop);
  const opts = checkOptions('arange', options) as ArangeOptions;
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  const step = checkFiniteNumber('arange', 'step', opts.step ?? 1);
  const repeat = checkInt('arange', 'repeat', opts.repeat ?? 1, { min: 1 });
  if (step === 0) throw new InvalidArgumentError('arange', 'step must not be 0');
  // MXNet's RangeShape: the range must go from start toward stop (an empty one is refused).
  if (step > 0 ? !(start < stop) : !(start > stop)) {
    throw new InvalidArgumentError(
      'arange',
      `invalid range (start, stop, step) = (${start}, ${stop}, ${step}): with step ${step > 0 ? '> 0 start must be below' : '< 0 start must be above'} stop`,
    );
  }
  const dtype = checkDTypeArg('arange', 'dtype', opts.dtype ?? 'float32');
  const n = Math.ceil((stop - start) / step);
  checkSize('arange', [n * repeat], dtype);
  const values = hostArray(dtype, n * repeat);
  // MXNet computes start + i*step in the output dtype (float32 by default).
  for (let i = 0; i < n; i++)
    for (let r = 0; r < repeat; r++) values[i * repeat + r] = start + i * step;
  return fromHost(values, [n * repeat], opts.ctx ?? currentContext());
}
