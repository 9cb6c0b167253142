import { expect, test } from 'vitest';
import { ShapeError } from '../errors/shape-error.js';
import { broadcastShapes, checkShape, normalizeAxis, sizeOf, stridesOf } from './shape.js';

test('broadcastShapes follows numpy and names the op when shapes clash', () => {
  expect(broadcastShapes('add', [2, 1], [1, 3])).toEqual([2, 3]);
  expect(broadcastShapes('add', [3], [2, 3])).toEqual([2, 3]);
  expect(broadcastShapes('add', [], [4])).toEqual([4]);
  expect(broadcastShapes('add', [0, 1], [1, 5])).toEqual([0, 5]);
  expect(() => broadcastShapes('add', [2], [3])).toThrow(ShapeError);
  expect(() => broadcastShapes('add', [2], [3])).toThrow(/add: .*\(2\), \(3\)/);
});

test('normalizeAxis accepts negatives and rejects out-of-range axes', () => {
  expect(normalizeAxis('sum', -1, 3)).toBe(2);
  expect(normalizeAxis('sum', 0, 3)).toBe(0);
  expect(() => normalizeAxis('sum', 3, 3)).toThrow(/axis 3 is out of range/);
  expect(() => normalizeAxis('sum', 1.5, 3)).toThrow();
});

test('sizes, strides and shape checks', () => {
  expect(sizeOf([])).toBe(1);
  expect(sizeOf([2, 0, 3])).toBe(0);
  expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
  expect(checkShape('zeros', 3)).toEqual([3]);
  expect(() => checkShape('zeros', [2, -1])).toThrow(/non-negative integers/);
});
