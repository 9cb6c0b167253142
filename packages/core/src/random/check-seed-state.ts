/**
 * Validation and int32 truncation of the argument of `mx.random.seed`.
 */

/**
 * The message MXNet raises for a non-integer seed.
 *
 * MXNet equivalent: `ValueError('seed_state must be int')` in `python/mxnet/random.py`.
 * @example new TypeError(SEED_STATE_MUST_BE_INT);
 */
export const SEED_STATE_MUST_BE_INT = 'seed_state must be int';

/**
 * Checks a seed and returns it truncated to int32 the way `ctypes.c_int(int(s))` does
 * (silently, modulo 2^32). Accepts integral finite numbers and bigints; anything else
 * (1.5, NaN, Infinity, strings, booleans) throws a `TypeError` whose message is
 * {@link SEED_STATE_MUST_BE_INT}. Python raises `ValueError` here; its check is an
 * `isinstance` test, hence a `TypeError` in JS, which callers may rewrap.
 *
 * MXNet equivalent: the `isinstance(seed_state, integer_types)` check and
 * `ctypes.c_int(int(seed_state))` in `mx.random.seed`.
 * @example checkSeedState(2 ** 32 + 5); // 5
 */
export function checkSeedState(seedState: unknown): number {
  if (typeof seedState === 'bigint') return Number(BigInt.asIntN(32, seedState));
  if (typeof seedState === 'number' && Number.isInteger(seedState)) {
    // ToInt32 is exact modulo 2^32 for every integral double, however large.
    return seedState | 0;
  }
  throw new TypeError(SEED_STATE_MUST_BE_INT);
}
