import { arg, type Sample } from './sample.js';

/** NaN, ±Inf and both zeros: the edge values of every elementwise op. */
export const SPECIALS: readonly number[] = [Number.NaN, Infinity, -Infinity, 0, -0];

/** Arrays of shapes [0] and [2, 0]: the result must be empty, of the right shape. */
export function emptySamples<O>(arity: number, options: O): Sample<O>[] {
  return [[0], [2, 0]].map((shape) => ({
    label: `empty-${shape.join('x')}`,
    args: Array.from({ length: arity }, () => arg(shape, [])),
    options,
  }));
}
