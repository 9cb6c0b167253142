import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';

/** MXNet's reduction options (`axis`, `keepdims`, `exclude`). */
export interface ReduceOptions {
  /** Axis or axes to reduce; all when omitted. Negative counts from the end. */
  axis?: number | readonly number[];
  /** Keep reduced axes with length 1. */
  keepdims?: boolean;
  /** Reduce over every axis *except* `axis`. */
  exclude?: boolean;
}

/** Resolves MXNet's reduction options into sorted, non-negative, unique axes. */
export function reduceAxes(op: string, x: NDArray, o: ReduceOptions = {}): number[] {
  const ndim = x.ndim;
  let axes: number[];
  if (o.axis === undefined) axes = Array.from({ length: ndim }, (_, i) => i);
  else {
    const list = typeof o.axis === 'number' ? [o.axis] : [...o.axis];
    axes = [...new Set(list.map((a) => normalizeAxis(op, a, ndim)))].sort((a, b) => a - b);
  }
  if (o.exclude) axes = Array.from({ length: ndim }, (_, i) => i).filter((i) => !axes.includes(i));
  return axes;
}

/** The shape a reduction gives with keepdims: reduced axes become 1. */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}
