import { describe, expect, it } from 'vitest';
import * as format from './index.js';

describe('format index', () => {
  it('re-exports the public functions', () => {
    expect(Object.keys(format).sort()).toEqual([
      'array2string',
      'arrayRepr',
      'arrayStr',
      'dragon4',
      'elementFormatter',
      'float32Repr',
      'float64Repr',
      'floatingFormat',
      'formatArray',
      'formatFloatPositional',
      'formatFloatScientific',
      'isFloatDtype',
      'isImpliedDtype',
      'listRepr',
      'ndarrayRepr',
      'scalarRepr',
      'scalarStr',
      'shortestDigits',
    ]);
  });

  it('prints the documented outputs end to end', () => {
    expect(
      format.listRepr([
        format.ndarrayRepr({
          data: new Float32Array([3.7182817, 3.7182817]),
          shape: [2],
          dtype: 'float32',
          context: 'cpu(0)',
        }),
      ]),
    ).toBe('[\n[3.7182817 3.7182817]\n<NDArray 2 @cpu(0)>]');
  });
});
