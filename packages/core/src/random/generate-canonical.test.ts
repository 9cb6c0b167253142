import { describe, expect, it } from 'vitest';
import { f32Bits } from './fixtures/bits.js';
import {
  canonicalDoubleFromU32Pair,
  canonicalFloatFromU32,
  generateCanonicalDouble,
  generateCanonicalFloat,
  ONE_BELOW_ONE_F32,
  ONE_BELOW_ONE_F64,
} from './generate-canonical.js';
import { MT19937 } from './mt19937.js';

describe('generate_canonical<float, 24>', () => {
  it('is float32(d) / 2^32 for one draw', () => {
    const e = new MT19937(0);
    expect(f32Bits(generateCanonicalFloat(e))).toBe(0x3f0c7f0b); // 0.5488135 (spec H1)
    expect(f32Bits(generateCanonicalFloat(e))).toBe(0x3f17c4aa);
    expect(e.index).toBe(2);
  });

  it('returns exact float32 values', () => {
    for (const d of [0, 1, 12345, 2 ** 24 + 1, 2 ** 31 + 3, 4294967167]) {
      const u = canonicalFloatFromU32(d);
      expect(Math.fround(u)).toBe(u);
      expect(u).toBe(Math.fround(d) / 2 ** 32);
    }
  });

  it('rounds d to nearest even float32 before scaling', () => {
    // 2^24 + 1 is a tie between 2^24 and 2^24 + 2: even mantissa wins.
    expect(canonicalFloatFromU32(2 ** 24 + 1)).toBe(2 ** 24 / 2 ** 32);
    expect(canonicalFloatFromU32(2 ** 24 + 3)).toBe((2 ** 24 + 4) / 2 ** 32);
  });

  it('clamps to nextafter(1, 0) exactly when float32(d) rounds up to 2^32', () => {
    expect(ONE_BELOW_ONE_F32).toBe(Math.fround(1 - 2 ** -24));
    expect(canonicalFloatFromU32(4294967167)).toBe((2 ** 32 - 256) / 2 ** 32);
    expect(canonicalFloatFromU32(4294967168)).toBe(ONE_BELOW_ONE_F32);
    expect(canonicalFloatFromU32(4294967295)).toBe(ONE_BELOW_ONE_F32);
    expect(canonicalFloatFromU32(0)).toBe(0);
  });
});

describe('generate_canonical<double, 53>', () => {
  it('combines two draws, first one low: (d1 + d2 * 2^32) / 2^64', () => {
    expect(canonicalDoubleFromU32Pair(0, 2 ** 31)).toBe(0.5);
    expect(canonicalDoubleFromU32Pair(1, 0)).toBe(2 ** -64);
    const e = new MT19937(0);
    const expected = (2357136044 + 2546248239 * 2 ** 32) / 2 ** 64;
    expect(generateCanonicalDouble(e)).toBe(expected);
    expect(e.index).toBe(2);
  });

  it('rounds the sum once in double and clamps below 1', () => {
    expect(ONE_BELOW_ONE_F64).toBe(1 - 2 ** -53);
    // 2^64 - 1 rounds to 2^64 in double, so the clamp applies.
    expect(canonicalDoubleFromU32Pair(4294967295, 4294967295)).toBe(ONE_BELOW_ONE_F64);
    // (2^32 - 2048) + (2^32 - 1) * 2^32 = 2^64 - 2048 is exactly representable.
    expect(canonicalDoubleFromU32Pair(2 ** 32 - 2048, 2 ** 32 - 1)).toBe(1 - 2 ** -53);
    expect(canonicalDoubleFromU32Pair(0, 4294967295)).toBe(1 - 2 ** -32);
  });
});
