import { pause } from '../autograd/scopes.js';
import { DTypeError } from '../errors/dtype-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import { NDArray } from '../ndarray/ndarray.js';
import { sameShape } from '../ndarray/shape.js';
import { clip } from './clip.js';
import { multiply } from './multiply.js';

/** The keyword arguments every MXNet update operator takes. */
export interface UpdateOptions {
  /** Learning rate (required). */
  lr: number;
  /** Weight decay; default 0. */
  wd?: number;
  /** The gradient is multiplied by this first; default 1. */
  rescaleGrad?: number;
  /** Clip the (rescaled) gradient to [-c, c] when c >= 0; default -1 (off), as MXNet. */
  clipGradient?: number;
  /**
   * Where the new weight goes; pass the weight itself to update in place. Without it a
   * new array is returned and the weight is left alone (the state arrays are always
   * updated in place, as MXNet's mutable inputs).
   */
  out?: NDArray;
}

/** A number option, checked; `required` ones have no default. */
export function numberOption(op: string, name: string, v: unknown, fallback?: number): number {
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new InvalidArgumentError(
      op,
      `${name} must be a number, got ${v === undefined ? 'nothing' : String(v)}${fallback === undefined ? ` (${name} is required)` : ''}`,
    );
  }
  return v;
}

/**
 * Checks the arrays of an update operator before anything runs: NDArrays of the weight's
 * shape, dtype (a floating type) and context, `out` included.
 */
export function checkUpdateArrays(
  op: string,
  weight: unknown,
  arrays: Readonly<Record<string, unknown>>,
): void {
  if (!(weight instanceof NDArray)) {
    throw new InvalidArgumentError(op, `weight must be an NDArray, got ${typeof weight}`);
  }
  if (weight.dtype === 'int32') {
    throw new DTypeError(op, `weight has dtype int32; update operators need float32 or float64`);
  }
  for (const [name, a] of Object.entries(arrays)) {
    if (a === undefined && name === 'out') continue;
    if (!(a instanceof NDArray)) {
      throw new InvalidArgumentError(op, `${name} must be an NDArray, got ${typeof a}`);
    }
    if (!sameShape(a.shape, weight.shape)) {
      throw new ShapeError(op, [weight.shape, a.shape], `${name} must have the weight's shape`);
    }
    if (a.dtype !== weight.dtype) {
      throw new DTypeError(op, `${name} has dtype ${a.dtype}, the weight ${weight.dtype}`);
    }
    if (!a.context.equals(weight.context)) {
      throw new InvalidArgumentError(
        op,
        `${name} is on ${a.context}, the weight on ${weight.context}`,
      );
    }
  }
}

/** Rounds a scalar to the weight's precision, as MXNet's `static_cast<DType>`. */
/**
 * The weight decay, gradient rescale and clipping bound every MXNet update operator takes, with
 * MXNet's defaults (0, 1, and -1 for no clipping), rounded to the weight's dtype by `f`.
 */
export function decayScaleClip(
  op: string,
  options: { wd?: number; rescaleGrad?: number; clipGradient?: number },
  f: (v: number) => number,
): { wd: number; rescale: number; bound: number } {
  return {
    wd: f(numberOption(op, 'wd', options.wd, 0)),
    rescale: f(numberOption(op, 'rescaleGrad', options.rescaleGrad, 1)),
    bound: f(numberOption(op, 'clipGradient', options.clipGradient, -1)),
  };
}

export function scalarCast(weight: NDArray): (v: number) => number {
  return weight.dtype === 'float32' ? Math.fround : (v) => v;
}

/** MXNet's `mshadow_op::clip::Map(x, bound)`, applied when the bound is >= 0. */
export function clipIf(x: NDArray, bound: number): NDArray {
  return bound >= 0 ? clip(x, -bound, bound) : x;
}

/** `x * s`, skipping the multiply when s is 1 (exact: 1 * x is x for every x). */
export function scale(x: NDArray, s: number): NDArray {
  return s === 1 ? x : multiply(x, s);
}

/**
 * Runs an update's arithmetic with recording paused and its temporaries freed at once, then
 * moves each new state into its array and the new weight into `out` (or returns it).
 * `compute` returns the new weight followed by the new states, in `states` order.
 */
export function runUpdate(
  out: NDArray | undefined,
  states: readonly NDArray[],
  compute: () => NDArray[],
): NDArray {
  const results = pause(() => disposeCreated(compute));
  states.forEach((s, i) => {
    s._assign(results[i + 1], true);
  });
  if (out === undefined) return results[0];
  out._assign(results[0], true);
  return out;
}
