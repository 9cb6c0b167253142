import { expect, test } from 'vitest';
import { computeFans, xavierFactor } from './fans.js';

// initializer.md §3.6: the worked scale values for magnitude 3.
test.each([
  [[64, 32], 0.25, 0.30618621784789724, 0.21650635094610965],
  [[64, 32, 3, 3], 0.08333333333333333, 0.10206207261596575, 0.07216878364870322],
  [[10, 1, 5, 5], 0.14770978917519928, 0.34641016151377546, 0.10954451150103323],
  [[2, 3], 1.0954451150103321, 1.0, 1.224744871391589],
])('Xavier scales for %j', (shape, avg, fin, fout) => {
  const scale = (t: string) => Math.sqrt(3 / (xavierFactor(shape, t) as number));
  expect(scale('avg')).toBe(avg);
  expect(scale('in')).toBe(fin);
  expect(scale('out')).toBe(fout);
});

test('fans and unknown factor types', () => {
  expect(computeFans([64, 32, 3, 3])).toEqual({ fanIn: 288, fanOut: 576, receptiveField: 9 });
  expect(computeFans([4, 2])).toEqual({ fanIn: 2, fanOut: 4, receptiveField: 1 });
  expect(xavierFactor([2, 3], 'bad')).toBeNull();
});
