import type { KernelName } from '../backend/kernels.js';
import { DTypeError } from '../errors/dtype-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NDArray } from '../ndarray/ndarray.js';
import { broadcastShapes } from '../ndarray/shape.js';
import { describe } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/** An operand of a binary op: an array or a number (MXNet's scalar operand). */
export type Operand = NDArray | number;

/** The kernels one binary op dispatches to, by operand kinds (as MXNet's `_ufunc_helper`). */
export interface BinaryKernels {
  readonly array: KernelName;
  readonly scalar: KernelName;
  /** For `number ∘ array`; omitted when the op commutes (the scalar kernel is used). */
  readonly rscalar?: KernelName;
}

/** Checks two arrays can meet in an op: same dtype, broadcastable shapes. */
export function checkBinary(op: string, a: NDArray, b: NDArray): void {
  if (a.dtype !== b.dtype) {
    throw new DTypeError(
      op,
      `operands have dtypes ${a.dtype} and ${b.dtype}; cast one with astype()`,
    );
  }
  broadcastShapes(op, a.shape, b.shape);
}

/** Dispatches `a ∘ b` to the array-array, array-scalar or scalar-array kernel. */
export function binary(op: string, k: BinaryKernels, a: Operand, b: Operand): NDArray {
  if (a instanceof NDArray && b instanceof NDArray) {
    checkBinary(op, a, b);
    return applyOp(k.array, [a, b], {} as never);
  }
  if (a instanceof NDArray && typeof b === 'number') {
    return applyOp(k.scalar, [a], { scalar: b } as never);
  }
  if (typeof a === 'number' && b instanceof NDArray) {
    return applyOp(k.rscalar ?? k.scalar, [b], { scalar: a } as never);
  }
  const bad = a instanceof NDArray || typeof a === 'number' ? ['rhs', b] : ['lhs', a];
  throw new InvalidArgumentError(
    op,
    a instanceof NDArray || b instanceof NDArray
      ? `${bad[0]} must be an NDArray or a number, got ${describe(bad[1])}`
      : `at least one operand must be an NDArray, got ${describe(a)} and ${describe(b)}`,
  );
}
