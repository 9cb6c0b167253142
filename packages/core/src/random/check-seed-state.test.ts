import { describe, expect, it } from 'vitest';
import { checkSeedState, SEED_STATE_MUST_BE_INT } from './check-seed-state.js';

describe('checkSeedState', () => {
  it('returns int32 like ctypes.c_int', () => {
    expect(checkSeedState(42)).toBe(42);
    expect(checkSeedState(-1)).toBe(-1);
    expect(checkSeedState(2 ** 31)).toBe(-(2 ** 31));
    expect(checkSeedState(2 ** 32 + 5)).toBe(5);
    expect(checkSeedState(2 ** 40 + 42)).toBe(42);
    expect(checkSeedState(-0)).toBe(0);
    expect(checkSeedState(2n ** 64n + 7n)).toBe(7);
    expect(checkSeedState(-(2n ** 31n) - 1n)).toBe(2 ** 31 - 1);
  });

  it("throws 'seed_state must be int' for anything else (H7)", () => {
    expect(SEED_STATE_MUST_BE_INT).toBe('seed_state must be int');
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', true, null, undefined, {}]) {
      expect(() => checkSeedState(bad)).toThrow(new TypeError('seed_state must be int'));
    }
  });
});
