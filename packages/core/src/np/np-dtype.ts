import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { DType } from '../ndarray/dtype.js';
import { NDArray } from '../ndarray/ndarray.js';
import { cast } from '../ops/cast.js';
import type { NpOperand } from './np-array.js';

/**
 * MXNet's np type promotion for two dtypes: equal stays, an integer meets a float as that
 * float (MXNet keeps float32 where NumPy would widen int32 + float32 to float64), and two
 * floats give the wider.
 */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === 'int32') return b;
  if (b === 'int32') return a;
  return 'float64';
}

/**
 * The dtype of `a ∘ b` in MXNet's np: arrays promote; a number keeps the array's dtype,
 * except that a non-integer number with an integer array gives float32 (MXNet's default
 * float).
 */
export function resultType(op: string, a: NpOperand, b: NpOperand): DType {
  if (a instanceof NDArray && b instanceof NDArray) return promoteTypes(a.dtype, b.dtype);
  const arr = a instanceof NDArray ? a : b instanceof NDArray ? b : null;
  if (arr === null) {
    throw new InvalidArgumentError(
      op,
      'at least one operand must be an np array (got two numbers)',
    );
  }
  const num = (a instanceof NDArray ? b : a) as number;
  if (typeof num !== 'number') {
    throw new InvalidArgumentError(op, `operands must be np arrays or numbers (got ${typeof num})`);
  }
  return arr.dtype === 'int32' && !Number.isInteger(num) ? 'float32' : arr.dtype;
}

/** `x` in `dtype` (itself when it already is; a number stays a number). */
export function castTo<T extends NpOperand>(x: T, dtype: DType): T {
  if (typeof x === 'number' || (x as NDArray).dtype === dtype) return x;
  return cast(x as NDArray, { dtype }) as T;
}

/** The dtype a floating-point function gives: integers compute in float32, as MXNet. */
export function floatType(dtype: DType): DType {
  return dtype === 'int32' ? 'float32' : dtype;
}
