import type { MT19937 } from './mt19937.js';
import { uniformIntDistribution } from './uniform-int-distribution.js';

/**
 * The row order `_shuffle` produces for an array with `n` rows and `ndim` dimensions, drawn
 * from `e` (MXNet's `kRandom` engine): row i of the result is row `perm[i]` of the input.
 *
 * - 1-D data: GCC 4.8's `std::shuffle` (forward, `swap(i, d(0, i))` for i = 1..n-1). MXNet
 *   1.9.1's x86-64 pip library is built with CentOS 7's GCC 4.8 (its `centos7_cpu` CD image),
 *   where `shuffle_op.cc` does not take the `__gnu_parallel::random_shuffle` branch (that
 *   needs `__GNUC__ > 4`). A GCC 5-10 build takes that branch, which for fewer than 1000
 *   elements runs the same forward loop with the same draws, so the order is the same;
 *   from 1000 elements with several OpenMP threads it switches to GNU parallel mode's
 *   bucket shuffle, whose order depends on the thread count.
 * - N-D data: MXNet's own Fisher-Yates (backward, swap rows i and d(0, i) when they differ),
 *   the same for any compiler.
 *
 * `d(0, k)` is {@link uniformIntDistribution} (libstdc++ up to GCC 10; GCC 11+ changed it,
 * so a build with GCC 11+ would give other orders everywhere). n = 0 or 1 draws nothing.
 * The loop structure was checked against `shuffle_op.cc` compiled with g++ 12 -fopenmp
 * (with GCC 12's distribution substituted in the model): identical for 1-D n < 1000 and N-D.
 *
 * MXNet equivalent: `Shuffle1D` / `ShuffleND` in `src/operator/random/shuffle_op.cc`.
 * @example shufflePermutation(new MT19937(0), 3, 2); // Int32Array [0, 2, 1]
 */
export function shufflePermutation(e: MT19937, n: number, ndim: number): Int32Array {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  if (ndim === 1) {
    for (let i = 1; i < n; i++) {
      const j = uniformIntDistribution(e, i);
      const t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
  } else {
    for (let i = n - 1; i > 0; i--) {
      const j = uniformIntDistribution(e, i);
      if (i !== j) {
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
    }
  }
  return perm;
}
