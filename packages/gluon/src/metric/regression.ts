import { ShapeError } from '@mxts/core';
import type { HostValues } from './eval-metric.js';

/**
 * @internal The per-element `(label, pred)` pairs of MXNet's regression metrics: 1-D arrays
 * become `(n, 1)` columns, then the shapes must agree (MXTS does not broadcast them).
 */
export function regressionPairs(op: string, label: HostValues, pred: HostValues): number {
  const col = (s: readonly number[]) => (s.length === 1 ? [s[0], 1] : [...s]);
  const ls = col(label.shape);
  const ps = col(pred.shape);
  if (ls.length !== ps.length || ls.some((d, i) => d !== ps[i])) {
    throw new ShapeError(
      op,
      [label.shape, pred.shape],
      'labels and predictions must have one shape',
    );
  }
  return label.values.length;
}

/** @internal The mean of `f(label - pred)` over the elements, as numpy's `.mean()`. */
export function meanOf(
  op: string,
  label: HostValues,
  pred: HostValues,
  f: (d: number) => number,
): number {
  const n = regressionPairs(op, label, pred);
  // numpy subtracts float32 arrays in float32.
  const f32 = isF32(label, pred);
  const round = f32 ? Math.fround : (x: number) => x;
  let s = 0;
  for (let i = 0; i < n; i++) s += round(f(round(label.values[i] - pred.values[i])));
  // numpy's mean of float32 arrays is a float32.
  return f32 ? Math.fround(s / n) : s / n;
}

/** @internal numpy's `sqrt` of a (float32 when `f32`) mean. */
export function rootOf(v: number, f32: boolean): number {
  return f32 ? Math.fround(Math.sqrt(v)) : Math.sqrt(v);
}

/** @internal Whether numpy would compute this pair in float32. */
export function isF32(label: HostValues, pred: HostValues): boolean {
  return label.values instanceof Float32Array && pred.values instanceof Float32Array;
}
