import { describe, expect, it } from 'vitest';
import { floatingFormat } from './floating-format.js';

const formatAll = (values: number[], dtype: 'float32' | 'float64' = 'float32') => {
  const fmt = floatingFormat(values, dtype);
  return values.map(fmt);
};

describe('floatingFormat', () => {
  it('pads positional values to common widths (§3.3)', () => {
    expect(formatAll([0.0097627, 0.01856892, 0.04303787])).toEqual([
      '0.0097627 ',
      '0.01856892',
      '0.04303787',
    ]);
    expect(formatAll([1.5, -2.25, 100])).toEqual(['  1.5 ', ' -2.25', '100.  ']);
  });

  it('switches to scientific notation at 1e8, below 1e-4, and above a ratio of 1000', () => {
    expect(formatAll([1e8, 1])).toEqual(['1.e+08', '1.e+00']);
    expect(formatAll([99999992, 100000])).toEqual(['99999992.', '  100000.']);
    expect(formatAll([1e-4, 1])).toEqual(['1.e-04', '1.e+00']);
    expect(formatAll([0.001, 1])).toEqual(['0.001', '1.   ']);
    expect(formatAll([0.001, 1.001])).toEqual(['1.000e-03', '1.001e+00']);
  });

  it('pads negative scientific values with a sign column', () => {
    expect(formatAll([-1e-5, 1])).toEqual(['-1.e-05', ' 1.e+00']);
  });

  it('widens the number columns for nan and inf', () => {
    expect(formatAll([Number.NaN, 1.5, Number.NEGATIVE_INFINITY])).toEqual([
      ' nan',
      ' 1.5',
      '-inf',
    ]);
    expect(formatAll([Number.POSITIVE_INFINITY, 1e-5])).toEqual(['   inf', '1.e-05']);
  });

  it('rounds values to float32 first for a float32 array', () => {
    expect(formatAll([0.1])).toEqual(['0.1']);
    expect(formatAll([0.1], 'float64')).toEqual(['0.1']);
    expect(floatingFormat([0.1], 'float32')(0.1)).toBe('0.1');
  });

  it('uses 8 fractional digits at most in float64 arrays', () => {
    expect(formatAll([1 / 3, 2 / 3], 'float64')).toEqual(['0.33333333', '0.66666667']);
  });
});
