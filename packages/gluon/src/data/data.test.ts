import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from '../index.js';

const { data } = gluon;
const live = () => mx.memory().arrays;
const values = (x: mx.NDArray) => Array.from(x.dataSync());

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

describe('numpy-compatible shuffling', () => {
  test('MT19937 and legacy shuffle give numpy 1.x/2.x results', () => {
    // Reference values printed by numpy (np.random.seed(s); ...), and MT19937's own
    // reference output (5489 is the canonical default seed).
    const rs = new data.NumpyRandomState(5489);
    expect(rs.nextUint32()).toBe(3499211612);
    rs.seed(0);
    expect(rs.permutation(10)).toEqual([2, 8, 4, 9, 1, 6, 7, 3, 0, 5]);
    rs.seed(42);
    const a = [0, 1, 2, 3, 4, 5, 6];
    rs.shuffle(a);
    expect(a).toEqual([0, 1, 5, 2, 4, 3, 6]);
    expect(() => rs.seed(-1)).toThrow(mx.InvalidArgumentError);
  });

  test('RandomSampler draws from gluon.data.numpyRandom', () => {
    data.numpyRandom.seed(0);
    expect([...new data.RandomSampler(10)]).toEqual([2, 8, 4, 9, 1, 6, 7, 3, 0, 5]);
  });
});

describe('samplers', () => {
  test('BatchSampler keep, discard and rollover, with MXNet lengths', () => {
    const seq = new data.SequentialSampler(5);
    expect([...new data.BatchSampler(seq, 2)]).toEqual([[0, 1], [2, 3], [4]]);
    expect(new data.BatchSampler(seq, 2).length).toBe(3);
    const discard = new data.BatchSampler(seq, 2, 'discard');
    expect([...discard]).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(discard.length).toBe(2);
    const roll = new data.BatchSampler(seq, 2, 'rollover');
    expect([...roll]).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(roll.length).toBe(3);
    expect([...roll]).toEqual([
      [4, 0],
      [1, 2],
      [3, 4],
    ]);
    expect([...new data.SequentialSampler(3, 2)]).toEqual([2, 3, 4]);
    expect(() => new data.BatchSampler(seq, 2, 'bad' as 'keep')).toThrow(/last_batch/);
  });
});

describe('datasets and DataLoader', () => {
  test('ArrayDataset pairs rows; DataLoader batches stay paired under shuffle', () => {
    const before = live();
    const X = mx.nd.array(Array.from({ length: 10 }, (_, i) => [i, 10 * i]));
    const y = mx.nd.array(Array.from({ length: 10 }, (_, i) => 100 + i));
    const ds = new data.ArrayDataset(X, y);
    expect(ds.length).toBe(10);
    const [x3, y3] = ds.get(3) as [mx.NDArray, number];
    expect(values(x3)).toEqual([3, 30]);
    expect(y3).toBe(103);
    x3.dispose();
    data.numpyRandom.seed(1);
    const loader = new data.DataLoader(ds, { batchSize: 4, shuffle: true, lastBatch: 'keep' });
    expect(loader.length).toBe(3);
    const seen: number[] = [];
    for (const [bx, by] of loader) {
      const xs = values(bx);
      values(by).forEach((v, i) => {
        expect(xs[2 * i]).toBe(v - 100);
        seen.push(v - 100);
      });
      bx.dispose();
      by.dispose();
    }
    expect(seen.length).toBe(10);
    expect(new Set(seen).size).toBe(10);
    X.dispose();
    y.dispose();
    expect(live()).toBe(before);
    expect(() => new data.ArrayDataset(mx.nd.ones([3, 2]), [1, 2])).toThrow(/same length/);
    expect(() => new data.DataLoader(ds)).toThrow(/batch_size/);
    expect(
      () =>
        new data.DataLoader(ds, {
          batchSize: 2,
          sampler: new data.SequentialSampler(10),
          shuffle: true,
        }),
    ).toThrow(/shuffle/);
  });

  test('generic datasets: transform, transformFirst, default batchify of numbers and arrays', async () => {
    const ds = new data.SimpleDataset([
      [1, 0],
      [2, 1],
      [3, 0],
    ]).transformFirst((v: number) => [v, v * v]);
    expect(ds.get(1)).toEqual([[2, 4], 1]);
    const loader = new data.DataLoader(ds, { batchSize: 2, lastBatch: 'discard' });
    const batches: mx.NDArray[][] = [];
    for await (const b of loader) batches.push(b);
    expect(batches.length).toBe(1);
    const [bx, by] = batches[0];
    expect(bx.shape).toEqual([2, 2]);
    expect(values(bx)).toEqual([1, 1, 2, 4]);
    expect(values(by)).toEqual([0, 1]);
    bx.dispose();
    by.dispose();
    const eager = new data.SimpleDataset([1, 2]).transform((v: number) => v + 1, false);
    expect([...eager]).toEqual([2, 3]);
    const custom = new data.DataLoader(new data.SimpleDataset([5, 6, 7]), {
      batchSize: 2,
      batchify: (s) => s.length,
    });
    expect([...custom]).toEqual([2, 1]);
  });
});
