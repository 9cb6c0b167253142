// The argument checkers every public function calls at its top, before it allocates or
// runs a kernel. Each raises a typed error naming the user's op, the argument and the fix,
// so no wrong-typed value reaches an internal (`x._rec is not a function`).

import { currentContext, registeredBackends } from '../backend/registry.js';
import { ArrayTooLargeError } from '../errors/array-too-large-error.js';
import { DTypeError } from '../errors/dtype-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { DTYPES, type DType, dtypeBytes } from '../ndarray/dtype.js';
import { NDArray } from '../ndarray/ndarray.js';
import { maxArrayBytes } from './max-array-bytes.js';

/** A short description of a value for messages: `a string ('a')`, `null`, `NaN`. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return `a string ('${v.length > 20 ? `${v.slice(0, 20)}...` : v}')`;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return `a boolean (${v})`;
  if (typeof v === 'bigint') return `a bigint (${v})`;
  if (typeof v === 'function') return 'a function';
  if (Array.isArray(v)) return `a list of length ${v.length}`;
  if (v instanceof NDArray) return `an NDArray of shape (${v.shape.join(', ')})`;
  return `an object (${Object.prototype.toString.call(v).slice(8, -1)})`;
}

/** `x` must be an NDArray; returns it typed. */
export function checkNDArray(op: string, arg: string, x: unknown): NDArray {
  if (x instanceof NDArray) return x;
  throw new InvalidArgumentError(
    op,
    `${arg} must be an NDArray, got ${describe(x)}; wrap values with mx.nd.array(...)`,
  );
}

/** `xs` must be a list of NDArrays, at least `min` long. */
export function checkNDArrayList(op: string, arg: string, xs: unknown, min = 0): NDArray[] {
  if (!Array.isArray(xs)) {
    throw new InvalidArgumentError(op, `${arg} must be a list of NDArrays, got ${describe(xs)}`);
  }
  if (xs.length < min) {
    throw new InvalidArgumentError(
      op,
      `${arg} needs at least ${min} NDArray(s), got an empty list`,
    );
  }
  for (let i = 0; i < xs.length; i++) checkNDArray(op, `${arg}[${i}]`, xs[i]);
  return xs as NDArray[];
}

/** `v` must be a number (NaN and infinities allowed, as MXNet's float parameters). */
export function checkNumber(op: string, arg: string, v: unknown): number {
  if (typeof v === 'number') return v;
  throw new InvalidArgumentError(op, `${arg} must be a number, got ${describe(v)}`);
}

/** `v` must be a finite number. */
export function checkFiniteNumber(op: string, arg: string, v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new InvalidArgumentError(op, `${arg} must be a finite number, got ${describe(v)}`);
}

/** `v` must be an integer in [min, max]. */
export function checkInt(
  op: string,
  arg: string,
  v: unknown,
  range: { min?: number; max?: number } = {},
): number {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  const bounds =
    range.min !== undefined && range.max !== undefined
      ? ` in [${min}, ${max}]`
      : range.min !== undefined
        ? ` >= ${min}`
        : range.max !== undefined
          ? ` <= ${max}`
          : '';
  throw new InvalidArgumentError(op, `${arg} must be an integer${bounds}, got ${describe(v)}`);
}

/** `v` must be a list of integers (negative ones allowed: axes, reshape codes). */
export function checkIntList(op: string, arg: string, v: unknown): number[] {
  if (!Array.isArray(v)) {
    throw new InvalidArgumentError(op, `${arg} must be a list of integers, got ${describe(v)}`);
  }
  v.forEach((x, i) => {
    checkInt(op, `${arg}[${i}]`, x);
  });
  return v as number[];
}

/** `v` must be an integer or a list of integers (MXNet's `axis` of reductions, squeeze). */
export function checkAxes(op: string, arg: string, v: unknown): number[] {
  return typeof v === 'number' ? [checkInt(op, arg, v)] : checkIntList(op, arg, v);
}

/** `v` must be a list whose entries are integers or null (slice bounds and steps). */
export function checkBoundList(op: string, arg: string, v: unknown): (number | null)[] {
  if (!Array.isArray(v)) {
    throw new InvalidArgumentError(
      op,
      `${arg} must be a list of integers or nulls, got ${describe(v)}`,
    );
  }
  v.forEach((x, i) => {
    if (x !== null && x !== undefined) checkInt(op, `${arg}[${i}]`, x);
  });
  return v as (number | null)[];
}

/** `v` must be a boolean. */
export function checkBool(op: string, arg: string, v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  throw new InvalidArgumentError(op, `${arg} must be true or false, got ${describe(v)}`);
}

/** `v` must be one of `choices`. */
export function checkOneOf<T extends string>(
  op: string,
  arg: string,
  v: unknown,
  choices: readonly T[],
): T {
  if ((choices as readonly unknown[]).includes(v)) return v as T;
  throw new InvalidArgumentError(
    op,
    `${arg} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${describe(v)}`,
  );
}

/** `options` must be omitted or a plain object (not a number, string or array). */
export function checkOptions<T>(op: string, options: T | undefined): T | Record<string, never> {
  if (options === undefined) return {};
  if (options !== null && typeof options === 'object' && !Array.isArray(options)) return options;
  throw new InvalidArgumentError(
    op,
    `options must be an object such as { axis: 0 }, got ${describe(options)}`,
  );
}

/** Options an op cannot go without (`tile`'s `reps`) must be given, as an object. */
export function checkRequiredOptions<T>(op: string, options: T | undefined): T {
  if (options !== null && typeof options === 'object' && !Array.isArray(options)) return options;
  throw new InvalidArgumentError(
    op,
    `options are required, as an object of MXNet's keyword arguments in camelCase; got ${describe(options)}`,
  );
}

/** `shape` must be a list of non-negative integers (or one such number); returns a copy. */
export function checkShapeArg(op: string, arg: string, shape: unknown): number[] {
  const s = typeof shape === 'number' ? [shape] : shape;
  if (!Array.isArray(s) && !ArrayBuffer.isView(s)) {
    throw new InvalidArgumentError(
      op,
      `${arg} must be a list of non-negative integers, got ${describe(shape)}`,
    );
  }
  const out = Array.from(s as ArrayLike<unknown>);
  for (const d of out) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new InvalidArgumentError(
        op,
        `${arg} (${out.map(String).join(', ')}) must hold non-negative integers, got ${describe(d)}`,
      );
    }
  }
  return out as number[];
}

/** `v` must be a dtype name MXTS knows. */
export function checkDTypeArg(op: string, arg: string, v: unknown): DType {
  if ((DTYPES as readonly unknown[]).includes(v)) return v as DType;
  throw new DTypeError(op, `${arg} must be one of ${DTYPES.join(', ')}, got ${describe(v)}`);
}

/**
 * The one size limit: an array of `shape` and `dtype` must fit in `mx.maxArrayBytes()`.
 * Called before every host or device allocation; returns the element count.
 */
export function checkSize(op: string, shape: readonly number[], dtype: DType = 'float32'): number {
  let n = 1;
  for (const d of shape) n *= d;
  const bytes = n * dtypeBytes(dtype);
  const limit = maxArrayBytes();
  if (bytes > limit) throw new ArrayTooLargeError(op, shape, bytes, limit);
  const engine = currentEngine();
  const engineLimit = engine?.capabilities.maxArrayBytes;
  if (engineLimit !== undefined && bytes > engineLimit) {
    throw new ArrayTooLargeError(op, shape, bytes, engineLimit, `one ${engine!.name} array`);
  }
  return n;
}

/** The backend of the default context, where arrays made without `ctx` go; null if none. */
function currentEngine() {
  if (registeredBackends().size === 0) return null;
  return registeredBackends().get(currentContext().deviceType) ?? null;
}
