import { describe, expect, it } from 'vitest';
import { PYTHON_REPRS } from './fixtures/python-repr-vectors.js';
import { pythonFloatRepr, pythonStr } from './python-float-repr.js';

describe('pythonFloatRepr', () => {
  it("matches CPython's repr(float) on the recorded values", () => {
    const wrong = PYTHON_REPRS.filter(([x, text]) => pythonFloatRepr(x) !== text);
    expect(wrong).toEqual([]);
  });

  it('switches to exponent form below 1e-4 and from 1e16, with two exponent digits', () => {
    expect(pythonFloatRepr(0.0001)).toBe('0.0001');
    expect(pythonFloatRepr(0.00001)).toBe('1e-05');
    expect(pythonFloatRepr(5.3e-5)).toBe('5.3e-05');
    expect(pythonFloatRepr(9999999999999998)).toBe('9999999999999998.0');
    expect(pythonFloatRepr(1e16)).toBe('1e+16');
    expect(pythonFloatRepr(1.5e300)).toBe('1.5e+300');
  });

  it('keeps the .0 on integral values and the sign of zero', () => {
    expect(pythonFloatRepr(3)).toBe('3.0');
    expect(pythonFloatRepr(-0)).toBe('-0.0');
    expect(pythonFloatRepr(0)).toBe('0.0');
    expect(pythonFloatRepr(1.0954451150103321)).toBe('1.0954451150103321');
  });

  it('prints inf and nan as Python does', () => {
    expect(pythonFloatRepr(Number.POSITIVE_INFINITY)).toBe('inf');
    expect(pythonFloatRepr(Number.NEGATIVE_INFINITY)).toBe('-inf');
    expect(pythonFloatRepr(Number.NaN)).toBe('nan');
  });
});

describe('pythonStr', () => {
  it('prints bigints as Python ints and numbers as Python floats', () => {
    expect(pythonStr(3n)).toBe('3');
    expect(pythonStr(-(10n ** 20n))).toBe('-100000000000000000000');
    expect(pythonStr(3)).toBe('3.0');
    expect(pythonStr(1e20)).toBe('1e+20');
  });
});
