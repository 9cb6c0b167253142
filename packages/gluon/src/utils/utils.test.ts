import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from '../index.js';

const { utils } = gluon;
const live = () => mx.memory().arrays;
const values = (x: mx.NDArray) => Array.from(x.dataSync());

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

describe('gluon.utils', () => {
  test('clipGlobalNorm scales by min(maxNorm / (norm + 1e-8), 1) in place and returns the norm', () => {
    const before = live();
    const a = mx.nd.array([3, 4]);
    const b = mx.nd.array([[12]]);
    const norm = utils.clipGlobalNorm([a, b], 6.5);
    expect(norm).toBeCloseTo(13, 5);
    const s = 6.5 / (13 + 1e-8);
    values(a).forEach((v, i) => {
      expect(v).toBeCloseTo([3, 4][i] * s, 5);
    });
    expect(values(b)[0]).toBeCloseTo(12 * s, 5);
    const kept = values(a);
    const n2 = utils.clipGlobalNorm([a, b], 100, { checkIsfinite: false });
    expect(n2.shape).toEqual([1]);
    expect(values(n2)[0]).toBeCloseTo(6.5, 4);
    expect(values(a)).toEqual(kept);
    n2.dispose();
    a.dispose();
    b.dispose();
    expect(live()).toBe(before);
    expect(() => utils.clipGlobalNorm([], 1)).toThrow(mx.InvalidArgumentError);
  });

  test('splitData and splitAndLoad follow MXNet section sizes', () => {
    const x = mx.nd.array([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ]);
    expect(() => utils.splitData(x, 2)).toThrow(/evenly split/);
    const parts = utils.splitData(x, 2, { evenSplit: false });
    expect(parts.map((p) => p.shape)).toEqual([
      [3, 2],
      [2, 2],
    ]);
    expect(values(parts[1])).toEqual([6, 7, 8, 9]);
    const cols = utils.splitData(x, 2, { batchAxis: 1 });
    expect(values(cols[1])).toEqual([1, 3, 5, 7, 9]);
    const [loaded] = utils.splitAndLoad(x, [mx.cpu()]);
    expect(loaded).toBe(x);
    const [fromList] = utils.splitAndLoad([1, 2], [mx.cpu()]);
    expect(values(fromList)).toEqual([1, 2]);
    for (const a of [x, ...parts, ...cols, fromList]) a.dispose();
  });
});
