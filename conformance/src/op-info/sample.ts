import type { DType } from '@mxts/core';
import { type Domain, drawValue } from './domain.js';
import type { Prng } from './prng.js';
import { sizeOf } from './ref-array.js';

/** An array argument of a sample, as plain numbers (float32-exact), so no NDArray outlives a case. */
export interface ArgArray {
  readonly shape: readonly number[];
  readonly values: readonly number[];
  readonly dtype: DType;
  /** Whether gradients are checked with respect to this argument. */
  readonly grad: boolean;
}

/** An argument of an op: an array, or a number (MXNet's scalar operand). */
export type Arg = ArgArray | number;

/** One call of an op: positional arguments and the options object (MXNet's keyword args). */
export interface Sample<O> {
  /** Short description, shown when the sample fails: '2x3', 'axis=1,keepdims', ... */
  readonly label: string;
  readonly args: readonly Arg[];
  readonly options: O;
}

/** Whether an argument is an array. */
export function isArray(a: Arg): a is ArgArray {
  return typeof a !== 'number';
}

/** An array argument from given values. */
export function arg(
  shape: readonly number[],
  values: readonly number[],
  options: { dtype?: DType; grad?: boolean } = {},
): ArgArray {
  if (values.length !== sizeOf(shape)) {
    throw new Error(`arg: ${values.length} values do not fill shape (${shape.join(', ')})`);
  }
  const dtype = options.dtype ?? 'float32';
  const exact = values.map((v) => (dtype === 'int32' ? Math.trunc(v) | 0 : Math.fround(v)));
  return { shape: [...shape], values: exact, dtype, grad: options.grad ?? dtype !== 'int32' };
}

/** A differentiable float32 array drawn from a domain. */
export function randomArg(rng: Prng, shape: readonly number[], domain: Domain): ArgArray {
  return arg(
    shape,
    Array.from({ length: sizeOf(shape) }, () => drawValue(rng, domain)),
  );
}

/** An int32 array of integers in [low, high] (not differentiable). */
export function randomIntArg(
  rng: Prng,
  shape: readonly number[],
  low: number,
  high: number,
): ArgArray {
  const values = Array.from({ length: sizeOf(shape) }, () => rng.int(low, high));
  return arg(shape, values, { dtype: 'int32' });
}

/**
 * Distinct float32 values in random order, spaced `gap` apart: inputs for max, min, sort-like
 * ops whose gradient flips when two elements trade places.
 */
export function distinctArg(rng: Prng, shape: readonly number[], low: number, gap = 0.1): ArgArray {
  const n = sizeOf(shape);
  const grid = Array.from({ length: n }, (_, i) => low + i * gap + rng.uniform(0, gap / 4));
  return arg(shape, rng.shuffle(grid));
}

/** `shape` as a label: '2x3', 'scalar' for []. */
export function shapeLabel(shape: readonly number[]): string {
  return shape.length === 0 ? 'scalar' : shape.join('x');
}
