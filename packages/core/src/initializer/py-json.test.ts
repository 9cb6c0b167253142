import { describe, expect, test } from 'vitest';
import { PyFloat, pyFloat } from './py-float.js';
import { pyJsonDumps, pyJsonLoads } from './py-json.js';

describe('pyJsonDumps: Python json.dumps with default settings', () => {
  test('separators, key order, literals', () => {
    expect(
      pyJsonDumps(['xavier', { rnd_type: 'uniform', factor_type: 'in', magnitude: 2.45 }]),
    ).toBe('["xavier", {"rnd_type": "uniform", "factor_type": "in", "magnitude": 2.45}]');
    expect(pyJsonDumps([true, false, null, {}, []])).toBe('[true, false, null, {}, []]');
  });

  test('ints stay ints, floats print as repr(float)', () => {
    expect(pyJsonDumps({ a: 3n, b: pyFloat(3), c: 3, d: 0.07 })).toBe(
      '{"a": 3, "b": 3.0, "c": 3, "d": 0.07}',
    );
    expect(pyJsonDumps([1e-5, 1e16, pyFloat(1e16), -0.5, pyFloat(-0)])).toBe(
      '[1e-05, 10000000000000000, 1e+16, -0.5, -0.0]',
    );
    expect(pyJsonDumps([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBe(
      '[NaN, Infinity, -Infinity]',
    );
    expect(pyJsonDumps(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(pyJsonDumps(Math.fround(0.1))).toBe('0.10000000149011612');
  });

  test('strings: ensure_ascii escapes', () => {
    expect(pyJsonDumps('a"b\\c\n\t\u0001é€\u007f')).toBe(
      '"a\\"b\\\\c\\n\\t\\u0001\\u00e9\\u20ac\\u007f"',
    );
    expect(pyJsonDumps('😀')).toBe('"\\ud83d\\ude00"');
  });

  test('nested dumps strings (FusedRNN init)', () => {
    expect(pyJsonDumps({ init: '["normal", {"sigma": 0.5}]' })).toBe(
      '{"init": "[\\"normal\\", {\\"sigma\\": 0.5}]"}',
    );
  });
});

describe('pyJsonLoads: Python json.loads keeping int/float', () => {
  test('ints become bigint, floats PyFloat', () => {
    const v = pyJsonLoads('["xavier", {"magnitude": 2, "x": 2.0, "y": -1e-05, "z": 10}]') as [
      string,
      Record<string, unknown>,
    ];
    expect(v[0]).toBe('xavier');
    expect(v[1].magnitude).toBe(2n);
    expect(v[1].x).toBeInstanceOf(PyFloat);
    expect((v[1].x as PyFloat).value).toBe(2);
    expect((v[1].y as PyFloat).value).toBe(-1e-5);
    expect(v[1].z).toBe(10n);
  });

  test('literals, strings, nesting, Python extensions', () => {
    expect(pyJsonLoads(' [true, false, null, "a\\"\\u00e9", [[]], {}] ')).toEqual([
      true,
      false,
      null,
      'a"é',
      [[]],
      {},
    ]);
    const special = pyJsonLoads('[NaN, Infinity, -Infinity]') as PyFloat[];
    expect(Number.isNaN(special[0].value)).toBe(true);
    expect(special[1].value).toBe(Number.POSITIVE_INFINITY);
    expect(special[2].value).toBe(Number.NEGATIVE_INFINITY);
  });

  test('round trip', () => {
    for (const text of [
      '["lstmbias", {"forget_bias": 1.0}]',
      '["fusedrnn", {"init": null, "num_hidden": 10, "num_layers": 2, "mode": "lstm", "bidirectional": false, "forget_bias": 1.0}]',
      '["constant", {"value": [[0.10000000149011612, 2.0], [3, 4]]}]',
      '["uniform", {"scale": 1e-05}]',
    ]) {
      expect(pyJsonDumps(pyJsonLoads(text))).toBe(text);
    }
  });

  test('invalid JSON is a typed error', () => {
    expect(() => pyJsonLoads('[1, 2')).toThrow(/invalid JSON/);
    expect(() => pyJsonLoads('[1] x')).toThrow(/extra data/);
    expect(() => pyJsonLoads('{1: 2}')).toThrow(/string key/);
  });
});
