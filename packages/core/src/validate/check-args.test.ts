import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { memory, useBackend } from '../backend/registry.js';
import { ArrayTooLargeError } from '../errors/array-too-large-error.js';
import { DTypeError } from '../errors/dtype-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { arange, array, full, zeros } from '../ndarray/creation.js';
import { createMemoryBackend } from '../serialization/memory-backend.test.js';
import {
  checkDTypeArg,
  checkFiniteNumber,
  checkInt,
  checkNDArray,
  checkNDArrayList,
  checkOneOf,
  checkOptions,
  checkRequiredOptions,
  checkShapeArg,
  checkSize,
  describe as describeValue,
} from './check-args.js';
import { maxArrayBytes, setMaxArrayBytes } from './max-array-bytes.js';

beforeAll(() => {
  useBackend(createMemoryBackend());
});

afterEach(() => {
  delete process.env.MXTS_MAX_ARRAY_BYTES;
  setMaxArrayBytes(null);
});

describe('argument checkers', () => {
  test('each names the op and the argument, and says what it got', () => {
    const before = memory().arrays;
    expect(() => checkNDArray('exp', 'x', 'abc')).toThrow(
      /^exp: x must be an NDArray, got a string \('abc'\)/,
    );
    expect(() => checkNDArray('exp', 'x', null)).toThrow(InvalidArgumentError);
    expect(() => checkNDArrayList('stack', 'arrays', [])).not.toThrow();
    expect(() => checkNDArrayList('stack', 'arrays', [], 1)).toThrow(
      /stack: arrays needs at least 1/,
    );
    const z = zeros([1]);
    expect(() => checkNDArrayList('concat', 'arrays', [z, 3])).toThrow(
      /concat: arrays\[1\] must be an NDArray, got 3/,
    );
    z.dispose();
    expect(checkInt('tile', 'reps', 3, { min: 0 })).toBe(3);
    expect(() => checkInt('repeat', 'repeats', -1, { min: 0 })).toThrow(
      'repeat: repeats must be an integer >= 0, got -1',
    );
    expect(() => checkInt('a', 'b', 1.5, { min: 0, max: 3 })).toThrow('in [0, 3], got 1.5');
    expect(() => checkFiniteNumber('arange', 'stop', Number.POSITIVE_INFINITY)).toThrow(
      'arange: stop must be a finite number, got Infinity',
    );
    expect(() => checkOneOf('pick', 'mode', 'wrap', ['clip'])).toThrow(
      "pick: mode must be one of 'clip', got a string ('wrap')",
    );
    expect(checkOptions('sum', undefined)).toEqual({});
    expect(() => checkOptions('sum', 3)).toThrow(/sum: options must be an object/);
    expect(() => checkOptions('sum', [1])).toThrow(InvalidArgumentError);
    expect(() => checkRequiredOptions('tile', undefined)).toThrow(/tile: options are required/);
    expect(checkShapeArg('zeros', 'shape', 3)).toEqual([3]);
    expect(() => checkShapeArg('zeros', 'shape', 'ab')).toThrow(
      "zeros: shape must be a list of non-negative integers, got a string ('ab')",
    );
    expect(() => checkShapeArg('zeros', 'shape', [2, -1])).toThrow(/must hold non-negative/);
    expect(() => checkDTypeArg('full', 'dtype', 'int8')).toThrow(DTypeError);
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue('x'.repeat(30))).toBe(`a string ('${'x'.repeat(20)}...')`);
    expect(memory().arrays).toBe(before);
  });

  test('the size limit: bytes of shape x dtype against maxArrayBytes()', () => {
    expect(maxArrayBytes()).toBe(2 ** 30);
    expect(checkSize('zeros', [2 ** 28])).toBe(2 ** 28); // exactly 1 GiB of float32
    expect(() => checkSize('zeros', [2 ** 28 + 1])).toThrow(ArrayTooLargeError);
    expect(() => checkSize('zeros', [2 ** 27 + 1], 'float64')).toThrow(
      'zeros: an array of shape (134217729) needs 1073741832 bytes, over the limit of 1073741824 bytes',
    );
    const e = (() => {
      try {
        checkSize('tile', [1e6, 1e6]);
      } catch (err) {
        return err as ArrayTooLargeError;
      }
    })();
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect(e).toMatchObject({
      name: 'ArrayTooLargeError',
      op: 'tile',
      bytes: 4e12,
      limit: 2 ** 30,
    });
  });

  test('setMaxArrayBytes and MXTS_MAX_ARRAY_BYTES set the one limit, checked before allocating', () => {
    const before = memory().arrays;
    expect(setMaxArrayBytes(64)).toBe(2 ** 30);
    expect(() => zeros([17])).toThrow(ArrayTooLargeError);
    full([3, 3], 1).dispose(); // 36 bytes fit
    expect(() => arange(0, 100)).toThrow(/arange: an array of shape \(100\)/);
    expect(() => array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17])).toThrow(
      ArrayTooLargeError,
    );
    expect(() => setMaxArrayBytes(0)).toThrow(/setMaxArrayBytes: bytes=0 must be a positive/);
    expect(setMaxArrayBytes(null)).toBe(64);
    process.env.MXTS_MAX_ARRAY_BYTES = '1024';
    setMaxArrayBytes(null);
    expect(maxArrayBytes()).toBe(1024);
    expect(() => zeros([257])).toThrow(/over the limit of 1024 bytes/);
    process.env.MXTS_MAX_ARRAY_BYTES = 'lots';
    setMaxArrayBytes(null);
    expect(() => maxArrayBytes()).toThrow(/MXTS_MAX_ARRAY_BYTES: 'lots' is not a positive integer/);
    // Nothing refused was allocated.
    expect(memory().arrays).toBe(before);
  });
});
