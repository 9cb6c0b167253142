import * as mx from '@mxts/core';
import { describe, expect, test } from 'vitest';
import {
  CosineScheduler,
  FactorScheduler,
  LRScheduler,
  MultiFactorScheduler,
  PolyScheduler,
} from './index.js';

// Expected values from MXNet 1.9.1's documented formulas (python/mxnet/lr_scheduler.py).
describe('lrScheduler (MXNet 1.9.1 lr_scheduler.py)', () => {
  test('FactorScheduler: baseLr * factor^floor((n-1)/step), floored at stopFactorLr, stateful', () => {
    const s = new FactorScheduler(3, { factor: 0.5, baseLr: 1, stopFactorLr: 0.05 });
    const got = Array.from({ length: 20 }, (_, i) => s.call(i + 1));
    const want = Array.from({ length: 20 }, (_, i) => Math.max(0.05, 0.5 ** Math.floor(i / 3)));
    expect(got).toEqual(want);
    expect(s.count).toBe(18);
    expect(s.baseLr).toBe(0.05);
    // The state only moves forward: an earlier count returns the current rate, as MXNet.
    expect(s.call(1)).toBe(0.05);
    // Resuming at a later count catches up in one call (MXNet's while loop).
    const r = new FactorScheduler(10, { factor: 0.1, baseLr: 1 });
    expect(r.call(35)).toBeCloseTo(0.001, 15);
    expect(r.count).toBe(30);
  });

  test('warm-up: linear and constant, then the schedule', () => {
    const lin = new FactorScheduler(5, {
      factor: 0.5,
      baseLr: 0.8,
      warmupSteps: 4,
      warmupBeginLr: 0.2,
    });
    expect([0, 1, 2, 3].map((n) => lin.call(n))).toEqual(
      [0, 1, 2, 3].map((n) => 0.2 + ((0.8 - 0.2) * n) / 4),
    );
    expect(lin.call(4)).toBe(0.8);
    const con = new PolyScheduler(10, {
      baseLr: 1,
      warmupSteps: 3,
      warmupBeginLr: 0.1,
      warmupMode: 'constant',
    });
    expect([0, 1, 2].map((n) => con.call(n))).toEqual([0.1, 0.1, 0.1]);
    expect(() => lin.getWarmupLr(4)).toThrow(mx.InvalidArgumentError);
  });

  test('MultiFactorScheduler: baseLr * factor^(k+1) once n > step[k]', () => {
    const s = new MultiFactorScheduler([3, 7, 10], { factor: 0.1, baseLr: 2 });
    const got = Array.from({ length: 12 }, (_, i) => s.call(i + 1));
    const k = (n: number) => [3, 7, 10].filter((st) => n > st).length;
    const want = Array.from({ length: 12 }, (_, i) => {
      let lr = 2;
      for (let j = 0; j < k(i + 1); j++) lr *= 0.1;
      return lr;
    });
    expect(got).toEqual(want);
    expect(s.curStepInd).toBe(3);
    expect(s.count).toBe(10);
  });

  test('PolyScheduler and CosineScheduler with warm-up, held after maxUpdate', () => {
    const p = new PolyScheduler(20, { baseLr: 0.5, pwr: 3, finalLr: 0.01, warmupSteps: 5 });
    for (const n of [5, 6, 12, 19, 20]) {
      expect(p.call(n)).toBeCloseTo(0.01 + (0.5 - 0.01) * (1 - (n - 5) / 15) ** 3, 15);
    }
    expect(p.call(30)).toBe(p.baseLr);
    expect(p.call(30)).toBeCloseTo(0.01, 15);
    const c = new CosineScheduler(10, { baseLr: 0.4, finalLr: 0.1, warmupSteps: 2 });
    for (const n of [2, 3, 6, 10]) {
      expect(c.call(n)).toBeCloseTo(
        0.1 + ((0.4 - 0.1) * (1 + Math.cos((Math.PI * (n - 2)) / 8))) / 2,
        15,
      );
    }
    expect(c.call(50)).toBeCloseTo(0.1, 15);
    // base_lr_orig is fixed at construction: a later baseLr (an optimizer's learningRate
    // overwrites it) is replaced on the next call, as MXNet.
    const c2 = new CosineScheduler(10, { baseLr: 1 });
    c2.baseLr = 0.5;
    expect(c2.call(0)).toBe(1);
  });

  test('bad arguments raise InvalidArgumentError naming the scheduler', () => {
    expect(() => new FactorScheduler(0)).toThrow(/FactorScheduler: Schedule step must be/);
    expect(() => new FactorScheduler(2, { factor: 1.5 })).toThrow(/Factor must be no more than 1/);
    expect(() => new MultiFactorScheduler([3, 3])).toThrow(/increasing integer list/);
    expect(() => new MultiFactorScheduler([])).toThrow(mx.InvalidArgumentError);
    expect(() => new PolyScheduler(0)).toThrow(/strictly positive/);
    expect(() => new CosineScheduler(2.5)).toThrow(/maxUpdate must be an integer/);
    expect(() => new PolyScheduler(5, { warmupBeginLr: 1, baseLr: 0.1 })).toThrow(
      /Base lr has to be higher than warmup_begin_lr/,
    );
    expect(() => new PolyScheduler(5, { warmupSteps: -1 })).toThrow(/positive or 0/);
    expect(() => new PolyScheduler(5, { warmupMode: 'cubic' as never })).toThrow(
      /linear and constant/,
    );
  });

  test('a subclass implements call(numUpdate)', () => {
    class Halving extends LRScheduler {
      call(numUpdate: number): number {
        return numUpdate < this.warmupSteps ? this.getWarmupLr(numUpdate) : this.baseLr / 2;
      }
    }
    const h = new Halving({ baseLr: 1, warmupSteps: 2 });
    expect([0, 1, 2].map((n) => h.call(n))).toEqual([0, 0.5, 0.5]);
  });
});
