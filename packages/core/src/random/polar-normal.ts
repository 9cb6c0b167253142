/**
 * libstdc++'s `std::normal_distribution` (Marsaglia's polar method) as MXNet drives it: a
 * fresh distribution object per value, so the cached second coordinate is always thrown away.
 */

import { generateCanonicalDouble, generateCanonicalFloat } from './generate-canonical.js';
import { glibcLog } from './glibc-log.js';
import { glibcLogf } from './glibc-logf.js';
import type { MT19937 } from './mt19937.js';

const fround = Math.fround;

/**
 * One float32 standard normal from `engine`: rejection-sample (x, y) in the unit disc with
 * two canonical uniforms per attempt, then return `y * sqrt(-2 ln r2 / r2)`. Every step is
 * rounded to float32 as the C++ float code is, and the log is glibc's {@link glibcLogf}.
 * Consumes 2 draws per attempt (2.55 on average).
 *
 * MXNet equivalent: `std::normal_distribution<float>()(engine)` in
 * `RandGenerator<cpu, float>::Impl::normal()` (libstdc++ `bits/random.tcc`).
 * @example polarNormalFloat(new MT19937(0)); // 2.2122064 (float32)
 */
export function polarNormalFloat(engine: MT19937): number {
  let y: number;
  let r2: number;
  do {
    // `2.0f*u` is exact; the `- 1.0` is a double subtraction rounded back to float.
    const x = fround(2 * generateCanonicalFloat(engine) - 1);
    y = fround(2 * generateCanonicalFloat(engine) - 1);
    r2 = fround(fround(x * x) + fround(y * y));
  } while (r2 > 1 || r2 === 0);
  const mult = fround(Math.sqrt(fround(fround(-2 * glibcLogf(r2)) / r2)));
  // libstdc++ would cache x * mult for the next call; MXNet's fresh object discards it.
  return fround(y * mult);
}

/**
 * One float64 standard normal from `engine`, same algorithm in double with 2 draws per
 * canonical uniform (4 per attempt) and glibc's generic `log` ({@link glibcLog}). Draw
 * consumption always matches MXNet; the value matches bit for bit except where x86-64
 * glibc's FMA variant of `log` rounds differently (about 1e-4 of values, off by 1 ulp).
 *
 * MXNet equivalent: `std::normal_distribution<double>()(engine)` in
 * `RandGenerator<cpu, double>::Impl::normal()` (float64 outputs).
 * @example polarNormalDouble(new MT19937(0));
 */
export function polarNormalDouble(engine: MT19937): number {
  let y: number;
  let r2: number;
  do {
    const x = 2 * generateCanonicalDouble(engine) - 1;
    y = 2 * generateCanonicalDouble(engine) - 1;
    r2 = x * x + y * y;
  } while (r2 > 1 || r2 === 0);
  return y * Math.sqrt((-2 * glibcLog(r2)) / r2);
}
