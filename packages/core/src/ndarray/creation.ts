import type { Context } from '../backend/context.js';
import { backendFor, currentContext } from '../backend/registry.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { checkDType, type DType, type HostArray, hostArray, toHostArray } from './dtype.js';
import { NDArray } from './ndarray.js';
import { checkShape, type Shape, sizeOf } from './shape.js';

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

function inferShape(value: NestedArray, shape: number[], depth: number): void {
  if (typeof value === 'number') return;
  if (shape.length === depth) shape.push(value.length);
  else if (shape[depth] !== value.length) {
    throw new InvalidArgumentError(
      'array',
      `nested lists must be rectangular (ragged at depth ${depth})`,
    );
  }
  for (const v of value) inferShape(v, shape, depth + 1);
}

function flattenInto(value: NestedArray, out: number[]): void {
  if (typeof value === 'number') out.push(value);
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
  if (source instanceof NDArray) {
    const copy = source.copyTo(options.ctx ?? source.context);
    return options.dtype && options.dtype !== copy.dtype ? copy.astype(options.dtype) : copy;
  }
  const dtype = checkDType('array', options.dtype ?? 'float32');
  const ctx = options.ctx ?? currentContext();
  let flat: ArrayLike<number>;
  let shape: number[];
  if (typeof source === 'number') {
    flat = [source];
    shape = [1];
  } else if (ArrayBuffer.isView(source) || !Array.isArray(source)) {
    flat = source as ArrayLike<number>;
    shape = [flat.length];
  } else {
    shape = [];
    inferShape(source as NestedArray, shape, 0);
    const out: number[] = [];
    flattenInto(source as NestedArray, out);
    flat = out;
  }
  if (options.shape !== undefined) {
    const s = checkShape('array', options.shape);
    if (sizeOf(s) !== flat.length) {
      throw new InvalidArgumentError(
        'array',
        `${flat.length} values do not fill shape (${s.join(', ')})`,
      );
    }
    shape = s;
  }
  return fromHost(toHostArray(flat, dtype), shape, ctx);
}

/**
 * MXNet `nd.full(shape, val)`: an array filled with `value`.
 * @example mx.nd.full([2, 2], 7)
 */
export function full(shape: Shape | number, value: number, options: CreationOptions = {}): NDArray {
  const s = checkShape('full', shape);
  const values = hostArray(checkDType('full', options.dtype ?? 'float32'), sizeOf(s));
  if (value !== 0) values.fill(value);
  return fromHost(values, s, options.ctx ?? currentContext());
}

/** MXNet `nd.zeros(shape)`. @example mx.nd.zeros([2, 3]) */
export function zeros(shape: Shape | number, options: CreationOptions = {}): NDArray {
  return full(shape, 0, options);
}

/** MXNet `nd.ones(shape)`. @example mx.nd.ones([2]) */
export function ones(shape: Shape | number, options: CreationOptions = {}): NDArray {
  return full(shape, 1, options);
}

/** MXNet `nd.empty(shape)`; MXTS zero-fills it, so reads are deterministic. */
export function empty(shape: Shape | number, options: CreationOptions = {}): NDArray {
  return full(shape, 0, options);
}

/** MXNet `nd.zeros_like(x)`: zeros of x's shape, dtype and context. */
export function zerosLike(x: NDArray): NDArray {
  return full(x.shape, 0, { dtype: x.dtype, ctx: x.context });
}

/** MXNet `nd.ones_like(x)`: ones of x's shape, dtype and context. */
export function onesLike(x: NDArray): NDArray {
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
  if (typeof stop === 'object') {
    options = stop;
    stop = undefined;
  }
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  const step = options.step ?? 1;
  const repeat = options.repeat ?? 1;
  if (step === 0) throw new InvalidArgumentError('arange', 'step must not be 0');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const values = hostArray(checkDType('arange', options.dtype ?? 'float32'), n * repeat);
  // MXNet computes start + i*step in the output dtype (float32 by default).
  for (let i = 0; i < n; i++)
    for (let r = 0; r < repeat; r++) values[i * repeat + r] = start + i * step;
  return fromHost(values, [n * repeat], options.ctx ?? currentContext());
}
