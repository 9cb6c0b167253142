import type { MT19937 } from './mt19937.js';

const URNG_RANGE = 0xffffffff;

/**
 * One draw of a fresh `std::uniform_int_distribution` on [0, max] over an mt19937, as
 * libstdc++ up to GCC 10 computes it (the pip build of MXNet 1.9.1 used GCC 4.8): downscale
 * by rejection, `scaling = (2^32-1) / (max+1)`, draw until below `(max+1) * scaling`, then
 * divide by `scaling`. GCC 11+ switched to Lemire's method, which gives other values.
 * `max` must be an integer in [0, 2^32 - 2].
 *
 * MXNet equivalent: `std::uniform_int_distribution<index_t>(0, n - 1)(engine)` in
 * `src/operator/random/shuffle_op.cc` (and the one inside GCC 4.8's `std::shuffle`).
 * @example uniformIntDistribution(new MT19937(0), 9); // 5
 */
export function uniformIntDistribution(e: MT19937, max: number): number {
  const erange = max + 1;
  const scaling = Math.floor(URNG_RANGE / erange);
  const past = erange * scaling;
  let r = e.nextU32();
  while (r >= past) r = e.nextU32();
  return Math.floor(r / scaling);
}
