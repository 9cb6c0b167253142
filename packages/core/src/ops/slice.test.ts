import { expect, test } from 'vitest';
import { resolveSlice } from './slice.js';

test('null bounds, negative indices and clamping, as MXNet slice', () => {
  expect(resolveSlice('slice', [4, 5], { begin: [1, null], end: [null, -1] })).toEqual({
    begin: [1, 0],
    size: [3, 4],
    step: [1, 1],
  });
  expect(resolveSlice('slice', [4], { begin: [-10], end: [10] })).toEqual({
    begin: [0],
    size: [4],
    step: [1],
  });
  expect(resolveSlice('slice', [4, 2], { begin: [2], end: [1] })).toEqual({
    begin: [2, 0],
    size: [0, 2],
    step: [1, 1],
  });
});

test('steps above one and negative steps', () => {
  expect(resolveSlice('slice', [10], { begin: [1], end: [8], step: [3] })).toEqual({
    begin: [1],
    size: [3],
    step: [3],
  });
  // x[::-1] and x[3:0:-2]
  expect(resolveSlice('slice', [5], { begin: [null], end: [null], step: [-1] })).toEqual({
    begin: [4],
    size: [5],
    step: [-1],
  });
  expect(resolveSlice('slice', [5], { begin: [3], end: [0], step: [-2] })).toEqual({
    begin: [3],
    size: [2],
    step: [-2],
  });
});

test('a zero step or mismatched bounds raise, naming the op', () => {
  expect(() => resolveSlice('slice', [3], { begin: [0], end: [3], step: [0] })).toThrow(
    /slice: step/,
  );
  expect(() => resolveSlice('sliceAxis', [3], { begin: [0, 0], end: [1] })).toThrow(/sliceAxis: /);
});
