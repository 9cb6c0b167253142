import { expect, test } from 'vitest';
import { resolveReshape } from './reshape.js';

// The examples of MXNet's Reshape docstring (src/operator/tensor/matrix_op.cc).
test.each([
  [
    [2, 3, 4],
    [4, 0, 2],
    [4, 3, 2],
  ],
  [
    [2, 3, 4],
    [2, 0, 0],
    [2, 3, 4],
  ],
  [
    [2, 3, 4],
    [6, 1, -1],
    [6, 1, 4],
  ],
  [
    [2, 3, 4],
    [3, -1, 8],
    [3, 1, 8],
  ],
  [[2, 3, 4], [-1], [24]],
  [[2, 3, 4], [-2], [2, 3, 4]],
  [
    [2, 3, 4],
    [2, -2],
    [2, 3, 4],
  ],
  [
    [2, 3, 4],
    [-2, 1, 1],
    [2, 3, 4, 1, 1],
  ],
  [
    [2, 3, 4],
    [-3, 4],
    [6, 4],
  ],
  [
    [2, 3, 4, 5],
    [-3, -3],
    [6, 20],
  ],
  [
    [2, 3, 4],
    [0, -3],
    [2, 12],
  ],
  [
    [2, 3, 4],
    [-3, -2],
    [6, 4],
  ],
  [
    [2, 3, 4],
    [-4, 1, 2, -2],
    [1, 2, 3, 4],
  ],
  [
    [2, 3, 4],
    [2, -4, -1, 3, -2],
    [2, 1, 3, 4],
  ],
])('reshape %j with %j gives %j', (src, codes, out) => {
  expect(resolveReshape(src, codes)).toEqual(out);
});

test('reverse applies the codes from the right', () => {
  expect(resolveReshape([10, 5, 4], [-1, 0])).toEqual([40, 5]);
  expect(resolveReshape([10, 5, 4], [-1, 0], true)).toEqual([50, 4]);
});

test('bad codes raise a ShapeError naming reshape', () => {
  expect(() => resolveReshape([2, 3], [4, 4])).toThrow(/reshape: .*as many elements/);
  expect(() => resolveReshape([2, 3], [-1, -1])).toThrow(/only one -1/);
  expect(() => resolveReshape([2, 3], [-5])).toThrow(/unknown reshape code -5/);
});
