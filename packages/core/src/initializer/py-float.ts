import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { pythonFloatRepr } from '../random/python-float-repr.js';

/**
 * A number that stands for a Python `float` even when it is integral, so that `dumps()`
 * prints `2.0` rather than `2`. JavaScript has one number type; MXTS reads a plain integral
 * number as the kind the MXNet parameter has by default (`magnitude=3` is an int,
 * `forget_bias=1.0` a float), a `bigint` as a Python int, and a `PyFloat` as a Python float.
 *
 * MXNet equivalent: the Python `float` type, as far as `json.dumps` and `str()` see it.
 * @example
 * new mx.init.Xavier({ magnitude: mx.init.pyFloat(2) }).dumps();
 * // '["xavier", {"rnd_type": "uniform", "factor_type": "avg", "magnitude": 2.0}]'
 */
export class PyFloat {
  constructor(
    /** The value. */
    readonly value: number,
  ) {}

  /** The number, so a PyFloat works in arithmetic. */
  valueOf(): number {
    return this.value;
  }

  /** Python's `repr(float)`: `2.0`, `1e-05`. */
  toString(): string {
    return pythonFloatRepr(this.value);
  }
}

/**
 * Marks `x` as a Python float (see {@link PyFloat}).
 * @example mx.init.create('constant', { value: mx.init.pyFloat(2) }).dumps(); // '["constant", {"value": 2.0}]'
 */
export function pyFloat(x: number): PyFloat {
  return new PyFloat(x);
}

/**
 * A numeric initializer argument as MXTS accepts it: a number, a `bigint` (a Python int) or
 * a {@link PyFloat} (a Python float).
 * @example const scale: mx.init.PyNumber = 0.07;
 */
export type PyNumber = number | bigint | PyFloat;

/**
 * The Python kind a numeric argument takes: what was passed when it says (bigint, PyFloat,
 * a non-integral number), else the kind of the MXNet parameter's default.
 * @internal
 */
export function pyNumber(
  op: string,
  key: string,
  v: unknown,
  declared: 'int' | 'float',
): bigint | PyFloat {
  if (typeof v === 'bigint') return v;
  if (v instanceof PyFloat) return v;
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return new PyFloat(v);
    return declared === 'int' ? BigInt(v) : new PyFloat(v);
  }
  throw new InvalidArgumentError(op, `${key} must be a number, got ${describe(v)}`);
}

/** The JS number of a numeric argument. @internal */
export function toNumber(v: unknown): number {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyFloat) return v.value;
  return v as number;
}

/** A short description of a value for error messages. @internal */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'an object';
  return `${typeof v} ${String(v)}`;
}
