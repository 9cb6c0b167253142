import { expect, test } from 'vitest';
import { bilinearKernel } from './bilinear-kernel.js';

test('4x4: outer product of [0.25, 0.75, 0.75, 0.25] (test_bilinear_init)', () => {
  const r = [0.25, 0.75, 0.75, 0.25];
  expect(Array.from(bilinearKernel('Bilinear', [1, 1, 4, 4]))).toEqual(
    r.flatMap((a) => r.map((b) => a * b)),
  );
});

test('5x5: f = 3, c = 2/3, row 0 is [1/9, 2/9, 1/3, 2/9, 1/9] in float32', () => {
  const k = bilinearKernel('Bilinear', [1, 1, 5, 5]);
  expect(Array.from(k.slice(0, 5))).toEqual([1 / 9, 2 / 9, 1 / 3, 2 / 9, 1 / 9].map(Math.fround));
});

test('the width is used for both axes; slices repeat', () => {
  const k = bilinearKernel('Bilinear', [2, 1, 2, 4]);
  expect(Array.from(k.slice(0, 8))).toEqual(Array.from(k.slice(8)));
  expect(() => bilinearKernel('Bilinear', [2, 2])).toThrow(/4-D/);
});
