import type { MT19937 } from './mt19937.js';
import { uniformIntDistribution } from './uniform-int-distribution.js';

/**
 * The row order `_shuffle` produces for an array with `n` rows and `ndim` dimensions, drawn
 * from `e` (MXNet's `kRandom` engine): row i of the result is row `perm[i]` of the input.
 *
 * - 1-D data: GCC 4.8's `std::shuffle` (forward, `swap(i, d(0, i))` for i = 1..n-1). MXNet
 *   1.9.1's x86-64 pip library is built with CentOS 7's GCC 4.8 (its `centos7_cpu` CD image),
 *   where `shuffle_op.cc` does not take the `__gnu_parallel::random_shuffle` branch (that
 *   needs `__GNUC__ > 4`), and where `std::shuffle` draws one index per position. A build
 *   with GCC >= 5 and OpenMP would use GNU parallel mode instead, whose output for 1000+
 *   elements depends on the thread count.
 * - N-D data: MXNet's own Fisher-Yates (backward, swap rows i and d(0, i) when they differ).
 *
 * `d(0, k)` is {@link uniformIntDistribution}. n = 0 or 1 draws nothing.
 *
 * MXNet equivalent: `Shuffle1D` / `ShuffleND` in `src/operator/random/shuffle_op.cc`.
 * @example shufflePermutation(new MT19937(0), 3, 2); // Int32Array [...]
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
