import { describe, expect, it } from 'vitest';
import { listRepr } from './ndarray-repr.js';
import { scalarRepr, scalarStr } from './scalar-repr.js';

const f32 = (x: number) => scalarRepr(Math.fround(x), 'float32');

describe('scalarRepr: np.float32 (ndarray-print.md §4.4)', () => {
  it('prints positionally with at least one fractional digit for 1e-4 <= |x| < 1e16', () => {
    expect(f32(0.2)).toBe('0.2');
    expect(f32(1)).toBe('1.0');
    expect(f32(2048)).toBe('2048.0');
    expect(f32(3.7182817)).toBe('3.7182817');
    expect(f32(1.0799999)).toBe('1.0799999');
    expect(f32(123456789)).toBe('123456790.0');
    expect(f32(67108872)).toBe('67108870.0');
    expect(f32(0.1)).toBe('0.1');
    expect(f32(0.00010000001)).toBe('0.00010000001');
  });

  it('prints scientifically otherwise, with no trailing .0', () => {
    expect(f32(1e-5)).toBe('1e-05');
    expect(f32(1e16)).toBe('1e+16');
    expect(f32(1.2345679e20)).toBe('1.2345679e+20');
    expect(f32(-1e-7)).toBe('-1e-07');
  });

  it('tests the range on the float32 value widened to double', () => {
    // np.float32(0.0001) is 9.99999974737875e-05, below 1e-4.
    expect(f32(0.0001)).toBe('1e-04');
  });

  it('prints the special values', () => {
    expect(f32(Number.NaN)).toBe('nan');
    expect(f32(Number.POSITIVE_INFINITY)).toBe('inf');
    expect(f32(Number.NEGATIVE_INFINITY)).toBe('-inf');
    expect(f32(-0)).toBe('-0.0');
    expect(f32(0)).toBe('0.0');
  });

  it('is what a list of np.float32 shows', () => {
    expect(listRepr([f32(0.2), f32(1.08)])).toBe('[0.2, 1.08]');
  });
});

describe('scalarRepr: np.float64 and Python float', () => {
  it('uses the double shortest digits and the same cutoffs', () => {
    expect(scalarRepr(0.1, 'float64')).toBe('0.1');
    expect(scalarRepr(Math.fround(0.1), 'float64')).toBe('0.10000000149011612');
    expect(scalarRepr(1 / 3, 'float64')).toBe('0.3333333333333333');
    expect(scalarRepr(1e16, 'float64')).toBe('1e+16');
    expect(scalarRepr(9999999999999998, 'float64')).toBe('9999999999999998.0');
    expect(scalarRepr(0.0001, 'float64')).toBe('0.0001');
    expect(scalarRepr(1e-5, 'float64')).toBe('1e-05');
    expect(scalarRepr(1e22, 'float64')).toBe('1e+22');
    expect(scalarRepr(5e-324, 'float64')).toBe('5e-324');
    expect(scalarRepr(-0, 'float64')).toBe('-0.0');
  });
});

describe('scalarRepr: integers and booleans', () => {
  it('prints Python int and bool text', () => {
    expect(scalarRepr(7, 'int32')).toBe('7');
    expect(scalarRepr(-3, 'int64')).toBe('-3');
    expect(scalarRepr(2n ** 63n - 1n, 'int64')).toBe('9223372036854775807');
    expect(scalarRepr(255, 'uint8')).toBe('255');
    expect(scalarRepr(1, 'bool')).toBe('True');
    expect(scalarRepr(false, 'bool')).toBe('False');
  });
});

describe('scalarStr', () => {
  it('equals repr in numpy 1.x', () => {
    expect(scalarStr(Math.fround(3.7182817), 'float32')).toBe('3.7182817');
    expect(scalarStr(Math.fround(1e-5), 'float32')).toBe(scalarRepr(Math.fround(1e-5), 'float32'));
  });
});
