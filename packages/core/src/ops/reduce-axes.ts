import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkAxes } from '../validate/check-args.js';

/** MXNet's reduction options (`axis`, `keepdims`, `exclude`). */
export interface ReduceOptions {
  /** Axis or axes to reduce; all when omitted. Negative counts from the end. */
  axis?: number | readonly number[];
  /** Keep reduced axes with length 1. */
  keepdims?: boolean;
  /** Reduce over every axis *except* `axis`. */
  exclude?: boolean;
}

/**
 * Resolves MXNet's reduction options into sorted, non-negative axes (duplicates raise, as
 * in MXNet). No axis, or an
 * empty list (MXNet's default `axis=()`), means every axis, whatever `exclude` says.
 */
export function reduceAxes(op: string, x: NDArray, o: ReduceOptions = {}): number[] {
  const all = Array.from({ length: x.ndim }, (_, i) => i);
  if (o.axis !== undefined) checkAxes(op, 'axis', o.axis);
  if (o.axis === undefined || (typeof o.axis !== 'number' && o.axis.length === 0)) return all;
  const list = typeof o.axis === 'number' ? [o.axis] : [...o.axis];
  const axes = list.map((a) => normalizeAxis(op, a, x.ndim)).sort((a, b) => a - b);
  if (new Set(axes).size !== axes.length) {
    throw new InvalidArgumentError(
      op,
      `Reduction axes have duplicates (${list.join(', ')}); name each axis once`,
    );
  }
  return o.exclude ? all.filter((i) => !axes.includes(i)) : axes;
}

/** The shape a reduction gives with keepdims: reduced axes become 1. */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}
