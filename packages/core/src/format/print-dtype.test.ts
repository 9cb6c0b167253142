import { describe, expect, it } from 'vitest';
import { isFloatDtype, isImpliedDtype } from './print-dtype.js';

describe('print dtypes', () => {
  it('tells float dtypes apart', () => {
    expect(isFloatDtype('float32')).toBe(true);
    expect(isFloatDtype('float64')).toBe(true);
    expect(isFloatDtype('int64')).toBe(false);
    expect(isFloatDtype('bool')).toBe(false);
  });

  it('implies float64, int64 and bool, as numpy on Linux', () => {
    expect(
      ['float32', 'float64', 'int32', 'int64', 'uint8', 'bool'].filter((d) =>
        isImpliedDtype(d as never),
      ),
    ).toEqual(['float64', 'int64', 'bool']);
  });
});
