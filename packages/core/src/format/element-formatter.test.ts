import { describe, expect, it } from 'vitest';
import { elementFormatter } from './element-formatter.js';

describe('elementFormatter', () => {
  it('right-aligns integers to the wider of min and max', () => {
    const fmt = elementFormatter([1, 2, 30], 'int64');
    expect([1, 2, 30].map(fmt)).toEqual([' 1', ' 2', '30']);
    const neg = elementFormatter([-100, 5], 'int32');
    expect([-100, 5].map(neg)).toEqual(['-100', '   5']);
  });

  it('prints int64 bigints exactly', () => {
    const big = 2n ** 62n;
    expect(elementFormatter([big, 1n], 'int64')(1n)).toBe('                  1');
    expect(elementFormatter([big], 'int64')(big)).toBe('4611686018427387904');
  });

  it('prints booleans 5 wide, except in a 0-d array', () => {
    const fmt = elementFormatter([1, 0], 'bool');
    expect([1, 0].map(fmt)).toEqual([' True', 'False']);
    expect(elementFormatter([1], 'bool', true)(1)).toBe('True');
  });

  it('hands floats to floatingFormat', () => {
    const fmt = elementFormatter([4, 8, 12], 'float32');
    expect([4, 8, 12].map(fmt)).toEqual([' 4.', ' 8.', '12.']);
  });

  it('formats with no shown values', () => {
    expect(elementFormatter([], 'int32')(3)).toBe('3');
  });
});
