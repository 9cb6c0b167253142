import { describe, expect, it } from 'vitest';
import { f32Bits } from './fixtures/bits.js';
import { STOF_NUMBERS } from './fixtures/dmlc-stof-vectors.js';
import { parseFloatParam } from './parse-float-param.js';

describe('parseFloatParam', () => {
  it("equals dmlc's stof of Python's repr for the recorded numbers", () => {
    for (const [x, , want] of STOF_NUMBERS) {
      if (typeof want !== 'number') continue;
      expect([x, f32Bits(parseFloatParam(x))]).toEqual([x, want]);
    }
  });

  it('gives the spec examples', () => {
    // Xavier's numpy float64 scale: '1.0954451150103321' -> 1.0954452f.
    expect(f32Bits(parseFloatParam(1.0954451150103321))).toBe(0x3f8c378c);
    expect(parseFloatParam(0.07)).toBe(Math.fround(0.07));
    expect(parseFloatParam(-0.1)).toBe(Math.fround(-0.1));
    expect(parseFloatParam(0)).toBe(0);
    expect(parseFloatParam(1)).toBe(1);
  });

  it('equals Math.fround for plain decimals with |x| < 1 (spec §6)', () => {
    let state = 99;
    for (let k = 0; k < 2000; k++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const x = (state / 2 ** 32) * 0.9999 + 0.0001; // repr stays in plain decimal form
      expect(parseFloatParam(x)).toBe(Math.fround(x));
      expect(parseFloatParam(-x)).toBe(Math.fround(-x));
    }
  });

  it('treats bigints as Python ints', () => {
    expect(parseFloatParam(3n)).toBe(3);
    // uint64 accumulation wraps, exactly like dmlc's predec.
    expect(parseFloatParam(2n ** 64n + 1n)).toBe(1);
    expect(parseFloatParam(16777217n)).toBe(16777216);
  });

  it('throws for values dmlc cannot represent', () => {
    expect(() => parseFloatParam(1e-39, 'loc')).toThrow(RangeError);
    expect(() => parseFloatParam(1e39)).toThrow(RangeError);
    expect(parseFloatParam(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(parseFloatParam(Number.NaN)).toBeNaN();
  });
});
