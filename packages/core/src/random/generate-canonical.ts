/**
 * libstdc++'s `std::generate_canonical` for `std::mt19937`, which is what
 * `std::uniform_real_distribution` (and so every MXNet CPU uniform draw) reduces to.
 */

import type { MT19937 } from './mt19937.js';

/** 2^-32: scaling by it is exact, so it can stand in for libstdc++'s division by 2^32. */
const TWO_POW_M32 = 2.3283064365386963e-10;
/** 2^-64, likewise exact. */
const TWO_POW_M64 = 5.421010862427522e-20;

/**
 * `nextafter(1.0f, 0.0f)` = 1 - 2^-24: what libstdc++ returns when the float sum rounds up to 1.
 *
 * MXNet equivalent: the clamp at the end of libstdc++'s `generate_canonical<float, 24>`.
 * @example ONE_BELOW_ONE_F32 === Math.fround(1 - 2 ** -24); // true
 */
export const ONE_BELOW_ONE_F32 = 0.9999999403953552;

/**
 * `nextafter(1.0, 0.0)` = 1 - 2^-53, the float64 counterpart of {@link ONE_BELOW_ONE_F32}.
 *
 * MXNet equivalent: the clamp at the end of libstdc++'s `generate_canonical<double, 53>`.
 * @example ONE_BELOW_ONE_F64 === 1 - 2 ** -53; // true
 */
export const ONE_BELOW_ONE_F64 = 0.9999999999999999;

/**
 * Maps one raw 32-bit draw to the float32 canonical uniform in [0, 1): `float(d) / 2^32`,
 * clamped below 1 because the float conversion rounds every d >= 2^32 - 128 up to 2^32.
 *
 * MXNet equivalent: the body of `std::generate_canonical<float, 24>` (one draw).
 * @example canonicalFloatFromU32(2357136044); // 0.5488135218620300 (float32)
 */
export function canonicalFloatFromU32(d: number): number {
  const u = Math.fround(d) * TWO_POW_M32;
  return u >= 1 ? ONE_BELOW_ONE_F32 : u;
}

/**
 * Maps two raw draws (first `lo`, then `hi`) to the float64 canonical uniform in [0, 1):
 * `(lo + hi * 2^32) / 2^64` with one double rounding of the sum, clamped below 1.
 *
 * MXNet equivalent: the body of `std::generate_canonical<double, 53>` (two draws).
 * @example canonicalDoubleFromU32Pair(0, 2 ** 31); // 0.5
 */
export function canonicalDoubleFromU32Pair(lo: number, hi: number): number {
  const u = (lo + hi * 4294967296) * TWO_POW_M64;
  return u >= 1 ? ONE_BELOW_ONE_F64 : u;
}

/**
 * One float32 uniform in [0, 1) from `engine`, consuming exactly one draw.
 *
 * MXNet equivalent: `std::generate_canonical<float, 24>(engine)`, i.e.
 * `std::uniform_real_distribution<float>()(engine)` in `RandGenerator<cpu, float>::Impl::uniform()`.
 * @example generateCanonicalFloat(new MT19937(0)); // 0.5488135 (float32)
 */
export function generateCanonicalFloat(engine: MT19937): number {
  return canonicalFloatFromU32(engine.nextU32());
}

/**
 * One float64 uniform in [0, 1) from `engine`, consuming exactly two draws.
 *
 * MXNet equivalent: `std::generate_canonical<double, 53>(engine)`, used by
 * `RandGenerator<cpu, double>::Impl::uniform()` for float64 outputs.
 * @example generateCanonicalDouble(new MT19937(0));
 */
export function generateCanonicalDouble(engine: MT19937): number {
  const lo = engine.nextU32();
  return canonicalDoubleFromU32Pair(lo, engine.nextU32());
}
