import { Prng } from '../prng.js';

/**
 * Fixed pseudo-random head gradients for outputs of the given sizes: magnitudes in
 * [0.5, 1.5] with random signs, so no output's gradient is scaled to nearly nothing.
 */
export function headGradValues(seed: string, sizes: readonly number[]): number[][] {
  const rng = Prng.fromText(seed);
  return sizes.map((n) =>
    Array.from({ length: n }, () => {
      const m = rng.uniform(0.5, 1.5);
      return Math.fround(rng.next() < 0.5 ? -m : m);
    }),
  );
}

/** Σ_k Σ_i heads[k][i] · outputs[k][i] in float64: the function numeric gradients see. */
export function weightedSum(
  outputs: readonly ArrayLike<number>[],
  heads: readonly (readonly number[])[],
): number {
  let s = 0;
  outputs.forEach((y, k) => {
    for (let i = 0; i < y.length; i++) s += heads[k][i] * y[i];
  });
  return s;
}
