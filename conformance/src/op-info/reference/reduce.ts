import { type RefArray, ravel, sizeOf, unravel } from '../ref-array.js';

/**
 * MXNet's `axis`/`exclude` options as a sorted list of non-negative axes. No axis, or an
 * empty list (MXNet's default `axis=()`), reduces every axis, `exclude` or not.
 */
export function resolveAxes(
  ndim: number,
  axis?: number | readonly number[],
  exclude = false,
): number[] {
  const all = Array.from({ length: ndim }, (_, i) => i);
  if (axis === undefined || (typeof axis !== 'number' && axis.length === 0)) return all;
  const list = (typeof axis === 'number' ? [axis] : axis).map((a) => (a < 0 ? a + ndim : a));
  return exclude ? all.filter((i) => !list.includes(i)) : all.filter((i) => list.includes(i));
}

/**
 * Reduces the groups of elements that share their non-reduced indices with `f`. Reducing
 * every axis without keepdims gives shape [1], as MXNet.
 */
export function reduceRef(
  x: RefArray,
  axes: readonly number[],
  keepdims: boolean,
  f: (group: number[]) => number,
): RefArray {
  const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const groups: number[][] = Array.from({ length: sizeOf(kept) }, () => []);
  for (let i = 0; i < x.values.length; i++) {
    const idx = unravel(i, x.shape).map((v, k) => (axes.includes(k) ? 0 : v));
    groups[ravel(idx, kept)].push(x.values[i]);
  }
  const dropped = x.shape.filter((_, i) => !axes.includes(i));
  const shape = keepdims ? kept : dropped.length === 0 ? [1] : dropped;
  return { shape, values: Float64Array.from(groups, f) };
}

/** Sum of a group. */
export const sumOf = (g: number[]): number => g.reduce((a, b) => a + b, 0);
/** Product of a group. */
export const prodOf = (g: number[]): number => g.reduce((a, b) => a * b, 1);
/** Maximum of a group, NaN winning (MXNet's `red::maximum`). */
export const maxOf = (g: number[]): number =>
  g.some(Number.isNaN) ? Number.NaN : g.reduce((a, b) => Math.max(a, b), -Infinity);
/** Minimum of a group, NaN winning. */
export const minOf = (g: number[]): number =>
  g.some(Number.isNaN) ? Number.NaN : g.reduce((a, b) => Math.min(a, b), Infinity);
