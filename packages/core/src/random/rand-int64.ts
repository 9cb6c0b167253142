const TWO_POW_31 = 0x80000000;
const MAX_U32 = 0xffffffff;
/** Ranges up to this keep every intermediate of the fast remainder exact in a double. */
const FAST_RANGE_MAX = 2 ** 36;
/** Bounds up to this keep `low + remainder` exact in a double. */
const FAST_LOW_MAX = 2 ** 52;

/**
 * One `randint` value from two engine draws `a` then `b`, as MXNet 1.9.1's CPU kernel:
 * `int32(low + rand_int64() % (high - low))` with `rand_int64() = int64(a << 31) + b`
 * (64-bit arithmetic, wrapping modulo 2^64: when a = 2^32-1 and b >= 2^31 the value is
 * negative, and C's `%` then gives a negative remainder, so the result is below `low`),
 * and the int64 -> int32 output cast wrapping modulo 2^32. `low` and `high` are safe
 * integers with low < high.
 *
 * MXNet equivalent: `SampleRandIntKernel` (`src/operator/random/sampler.h`) with
 * `RandGenerator<cpu>::Impl::rand_int64` (`include/mxnet/random_generator.h`); `rand_int_op`
 * always passes int64 bounds, so the 32-bit `rand()` branch is never taken.
 * @example randIntFromDraws(2357136044, 2546248239, 5, 100); // 16
 */
export function randIntFromDraws(a: number, b: number, low: number, high: number): number {
  const range = high - low;
  if (
    range <= FAST_RANGE_MAX &&
    Math.abs(low) <= FAST_LOW_MAX &&
    !(a === MAX_U32 && b >= TWO_POW_31)
  ) {
    // (a * 2^31 + b) mod range, in steps that stay below 2^53.
    let t = ((a % range) * 65536) % range;
    t = (t * 32768) % range;
    const rem = (t + (b % range)) % range;
    return (low + rem) | 0;
  }
  const r = BigInt.asIntN(64, (BigInt(a) << 31n) + BigInt(b));
  const rem = r % (BigInt(high) - BigInt(low));
  return Number(BigInt.asIntN(32, BigInt(low) + rem));
}
