import { InvalidArgumentError } from '@mxts/core';

/**
 * @internal MXNet's `if isinstance(v, numeric_types): v = (v,)*n`: a number repeated once per
 * spatial axis, or a list that must have one integer per axis, each at least `min`.
 */
export function spatialTuple(
  op: string,
  name: string,
  v: number | readonly number[],
  n: number,
  min: number,
): number[] {
  const out = typeof v === 'number' ? new Array<number>(n).fill(v) : [...v];
  if (out.length !== n || out.some((d) => !Number.isInteger(d) || d < min)) {
    throw new InvalidArgumentError(
      op,
      `${name} must be an integer >= ${min} or a list of ${n} such integers, got ${
        typeof v === 'number' ? v : `(${out.join(', ')})`
      }`,
    );
  }
  return out;
}

/** @internal Python's `str` of a tuple: `(5, 5)`, `(2,)`. */
export function pyTuple(v: readonly number[]): string {
  return v.length === 1 ? `(${v[0]},)` : `(${v.join(', ')})`;
}

/** @internal Python's `repr` of a float: `1e-05`, `0.9`, `1.0`. */
export function pyFloat(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return v.toFixed(1);
  const a = Math.abs(v);
  const s = a !== 0 && (a < 1e-4 || a >= 1e16) ? v.toExponential() : String(v);
  return s.replace(/e([+-])(\d)$/, (_, sign: string, d: string) => `e${sign}0${d}`);
}
