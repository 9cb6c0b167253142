import { describe, expect, it } from 'vitest';
import { dmlcStof, dmlcStrtof } from './dmlc-stof.js';
import { f32Bits } from './fixtures/bits.js';
import { STOF_NUMBERS, STOF_STRINGS, type StofResult } from './fixtures/dmlc-stof-vectors.js';

function outcome(text: string): StofResult {
  try {
    const v = dmlcStof(text);
    return Number.isNaN(v) ? 'nan' : f32Bits(v);
  } catch (e) {
    if (e instanceof RangeError) return 'range';
    const message = (e as Error).message;
    if (message.startsWith('Invalid Parameter format')) return 'invalid';
    if (message.startsWith('Some trailing characters')) return 'trailing';
    throw e;
  }
}

describe('dmlcStof', () => {
  it("matches dmlc-core's stof on edge-case strings", () => {
    const wrong = STOF_STRINGS.filter(([text, want]) => outcome(text) !== want);
    expect(wrong).toEqual([]);
  });

  it("matches dmlc-core's stof on Python reprs of assorted numbers", () => {
    const wrong = STOF_NUMBERS.filter(([, text, want]) => outcome(text) !== want);
    expect(wrong).toEqual([]);
  });

  it('is not correctly rounded: some reprs parse 1 ulp away from Math.fround', () => {
    const differing = STOF_NUMBERS.filter(
      ([, , got, fround]) => typeof got === 'number' && fround !== null && got !== fround,
    );
    expect(differing.length).toBeGreaterThan(10);
    // 5.3e-05 is the spec's example of an exponent-form value that differs.
    expect(f32Bits(dmlcStof('5.3e-05'))).toBe(0x385e4c52);
    expect(f32Bits(Math.fround(5.3e-5))).toBe(0x385e4c51);
  });

  it('reports the key and text in its errors, like dmlc ParamError', () => {
    expect(() => dmlcStof('1e-39', 'scale')).toThrow("Out of range value for scale, value='1e-39'");
    expect(() => dmlcStof('abc', 'low')).toThrow(
      "Invalid Parameter format for low expect float but value='abc'",
    );
    expect(() => dmlcStof('1.5x')).toThrow("Some trailing characters could not be parsed: 'x'");
  });

  it('rejects an unterminated nan(...) literal', () => {
    expect(() => dmlcStof('nan(abc')).toThrow('Invalid NAN literal');
  });
});

describe('dmlcStrtof', () => {
  it('reports how far it parsed and range errors without throwing', () => {
    expect(dmlcStrtof('1.5x')).toEqual({ value: 1.5, end: 3, rangeError: false });
    expect(dmlcStrtof('  -2e1f;')).toEqual({ value: -20, end: 7, rangeError: false });
    expect(dmlcStrtof('1e39')).toEqual({
      value: Number.POSITIVE_INFINITY,
      end: 4,
      rangeError: true,
    });
    expect(dmlcStrtof('xyz').end).toBe(0);
  });
});
