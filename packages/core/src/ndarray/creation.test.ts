import { beforeAll, expect, test } from 'vitest';
import { memory, useBackend } from '../backend/registry.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { createMemoryBackend } from '../serialization/memory-backend.test.js';
import { arange, array, full, ones } from './creation.js';

beforeAll(() => {
  useBackend(createMemoryBackend());
});

test("array takes numbers and booleans (numpy's True is 1.0) at one depth, and nothing else", async () => {
  const before = memory().arrays;
  const b = array([
    [true, false],
    [2, 3],
  ] as never);
  expect(b.shape).toEqual([2, 2]);
  expect(Array.from(await b.data())).toEqual([1, 0, 2, 3]);
  b.dispose();
  // A string's characters are strings again: this once recursed until the stack overflowed.
  expect(() => array(['a'] as never)).toThrow(
    "array: source holds a string ('a') at depth 1; every element must be a number",
  );
  expect(() => array('abc' as never)).toThrow(/array: source must be a number, a \(nested\) list/);
  expect(() => array([[1], 2] as never)).toThrow(/ragged at depth 1/);
  expect(() => array([1, [2]] as never)).toThrow(/ragged at depth 1/);
  expect(() => array([1, undefined] as never)).toThrow(InvalidArgumentError);
  expect(memory().arrays).toBe(before);
});

test("arange follows MXNet's RangeShape; full and ones check their value and shape", async () => {
  const before = memory().arrays;
  const a = arange(5, 1, { step: -2 });
  expect(Array.from(await a.data())).toEqual([5, 3]);
  a.dispose();
  const r = arange(0, 2, { repeat: 2 });
  expect(Array.from(await r.data())).toEqual([0, 0, 1, 1]);
  r.dispose();
  expect(() => arange(5, 1)).toThrow('arange: invalid range (start, stop, step) = (5, 1, 1)');
  expect(() => arange(0)).toThrow(/invalid range/); // MXNet refuses an empty range too
  expect(() => arange(0, 3, { repeat: 0 })).toThrow(
    'arange: repeat must be an integer >= 1, got 0',
  );
  expect(() => full([2], '7' as never)).toThrow("full: value must be a number, got a string ('7')");
  expect(() => ones('3' as never)).toThrow(/ones: shape must be a list of non-negative integers/);
  const nan = full([1], Number.NaN); // MXNet fills with NaN and Inf too
  expect(Number.isNaN((await nan.data())[0])).toBe(true);
  nan.dispose();
  expect(memory().arrays).toBe(before);
});
