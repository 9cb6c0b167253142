import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, expect, test } from 'vitest';
import { d2lPreliminaries } from './d2l-preliminaries.js';

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

// What the MXNet edition of D2L shows for these steps (numpy's repr of MXNet's float32
// arrays), except where MXTS differs on purpose: comparisons give 1./0. (no bool dtype).
const EXPECTED: readonly (string | null)[] = [
  'array([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11.])',
  '(12,)',
  '12',
  'array([[ 0.,  1.,  2.,  3.],\n       [ 4.,  5.,  6.,  7.],\n       [ 8.,  9., 10., 11.]])',
  'array([[[0., 0., 0., 0.],\n        [0., 0., 0., 0.],\n        [0., 0., 0., 0.]],\n\n       [[0., 0., 0., 0.],\n        [0., 0., 0., 0.],\n        [0., 0., 0., 0.]]])',
  'array([[[1., 1., 1., 1.],\n        [1., 1., 1., 1.],\n        [1., 1., 1., 1.]],\n\n       [[1., 1., 1., 1.],\n        [1., 1., 1., 1.],\n        [1., 1., 1., 1.]]])',
  '(3, 4)',
  'array([[2., 1., 4., 3.],\n       [1., 2., 3., 4.],\n       [4., 3., 2., 1.]])',
  '(array([ 3.,  4.,  6., 10.]), array([-1.,  0.,  2.,  6.]), array([ 2.,  4.,  8., 16.]), array([0.5, 1. , 2. , 4. ]), array([ 1.,  4., 16., 64.]))',
  'array([2.7182817e+00, 7.3890562e+00, 5.4598148e+01, 2.9809580e+03])',
  '(array([[ 0.,  1.,  2.,  3.],\n       [ 4.,  5.,  6.,  7.],\n       [ 8.,  9., 10., 11.],\n       [ 2.,  1.,  4.,  3.],\n       [ 1.,  2.,  3.,  4.],\n       [ 4.,  3.,  2.,  1.]]), array([[ 0.,  1.,  2.,  3.,  2.,  1.,  4.,  3.],\n       [ 4.,  5.,  6.,  7.,  1.,  2.,  3.,  4.],\n       [ 8.,  9., 10., 11.,  4.,  3.,  2.,  1.]]))',
  'array([[0., 1., 0., 1.],\n       [0., 0., 0., 0.],\n       [0., 0., 0., 0.]])',
  'array(66.)',
  '(array([[0.],\n       [1.],\n       [2.]]), array([[0., 1.]]))',
  'array([[0., 1.],\n       [1., 2.],\n       [2., 3.]])',
  '(array([ 8.,  9., 10., 11.]), array([[ 4.,  5.,  6.,  7.],\n       [ 8.,  9., 10., 11.]]))',
  'array([[ 0.,  1.,  2.,  3.],\n       [ 4.,  5.,  9.,  7.],\n       [ 8.,  9., 10., 11.]])',
  'array([[12., 12., 12., 12.],\n       [12., 12., 12., 12.],\n       [ 8.,  9., 10., 11.]])',
  '(NumpyArray, NpArray)',
  '(array([3.5]), 3.5, 3.5, 3)',
  // 2.3
  '(array(5.), array(6.), array(1.5), array(9.))',
  'array([0., 1., 2., 3.])',
  'array(3.)',
  '4',
  '(4,)',
  'array([[ 0.,  4.,  8., 12., 16.],\n       [ 1.,  5.,  9., 13., 17.],\n       [ 2.,  6., 10., 14., 18.],\n       [ 3.,  7., 11., 15., 19.]])',
  'array([[1., 1., 1.],\n       [1., 1., 1.],\n       [1., 1., 1.]])',
  null, // np.arange(24).reshape(2, 3, 4): checked by shape below
  null, // A, A + B
  'array([[  0.,   1.,   4.,   9.],\n       [ 16.,  25.,  36.,  49.],\n       [ 64.,  81., 100., 121.],\n       [144., 169., 196., 225.],\n       [256., 289., 324., 361.]])',
  null, // a + X, (a * X).shape
  '(array([0., 1., 2., 3.]), array(6.))',
  '((5, 4), array(190.))',
  '(array([40., 45., 50., 55.]), (4,))',
  '(array([ 6., 22., 38., 54., 70.]), (5,))',
  'array(190.)',
  '(array(9.5), array(9.5))',
  '(array([ 8.,  9., 10., 11.]), array([ 8.,  9., 10., 11.]))',
  'array([[ 6.],\n       [22.],\n       [38.],\n       [54.],\n       [70.]])',
  'array([[0.        , 0.16666667, 0.33333334, 0.5       ],\n       [0.18181819, 0.22727273, 0.27272728, 0.3181818 ],\n       [0.21052632, 0.23684211, 0.2631579 , 0.28947368],\n       [0.22222222, 0.24074075, 0.25925925, 0.2777778 ],\n       [0.22857143, 0.24285714, 0.25714287, 0.27142859]])',
  'array([[ 0.,  1.,  2.,  3.],\n       [ 4.,  6.,  8., 10.],\n       [12., 15., 18., 21.],\n       [24., 28., 32., 36.],\n       [40., 45., 50., 55.]])',
  '(array([0., 1., 2., 3.]), array([1., 1., 1., 1.]), array(6.))',
  'array(6.)',
  '((5, 4), (4,), array([ 14.,  38.,  62.,  86., 110.]))',
  'array([[ 6.,  6.,  6.],\n       [22., 22., 22.],\n       [38., 38., 38.],\n       [54., 54., 54.],\n       [70., 70., 70.]])',
  'array(5.)',
  'array(7.)',
  'array(6.)',
  // 2.5
  'array([0., 1., 2., 3.])',
  'array([0., 0., 0., 0.])',
  'array(28.)',
  'array([ 0.,  4.,  8., 12.])',
  'array([1., 1., 1., 1.])',
  'array([1., 1., 1., 1.])',
  'array([0., 2., 4., 6.])',
  'array([1., 1., 1., 1.])',
  'array([1., 1., 1., 1.])',
  'array(1.)',
];

test('D2L preliminaries print what MXNet prints, and linear regression recovers w and b', () => {
  const before = mx.memory().arrays;
  const lines: string[] = [];
  const { losses, errW, errB } = d2lPreliminaries((line) => lines.push(line));
  EXPECTED.forEach((e, i) => {
    if (e !== null) expect(lines[i], `line ${i}`).toBe(e);
  });
  expect(lines[27].startsWith('array([[[ 0.,  1.,  2.,  3.],')).toBe(true);
  expect(lines[30]).toMatch(
    /^\(array\(\[\[\[ 2\., {2}3\., {2}4\., {2}5\.\],[\s\S]*\), \(2, 3, 4\)\)$/,
  );
  // 3.2: features/label line, three epochs, the two errors.
  const rest = lines.slice(EXPECTED.length);
  expect(rest[0]).toMatch(/^features: \[-?\d/);
  expect(rest.slice(-5, -2).map((l) => l.replace(/[\d.]+$/, '#'))).toEqual([
    'epoch 1, loss #',
    'epoch 2, loss #',
    'epoch 3, loss #',
  ]);
  // D2L's run: losses fall to about 5e-5 (the noise's variance / 2); w and b within 0.01.
  expect(losses[2]).toBeLessThan(losses[0]);
  expect(losses[2]).toBeLessThan(2e-4);
  expect(losses[2]).toBeGreaterThan(1e-5);
  for (const e of [...errW, errB]) expect(Math.abs(e)).toBeLessThan(0.01);
  expect(mx.memory().arrays).toBe(before);
});
