import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { FactorScheduler } from '../lr-scheduler/index.js';
import { Adam, getUpdater, Nadam, RMSProp, SGD, Updater } from './index.js';

const { nd } = mx;
const live = () => mx.memory().arrays;

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

describe('Updater', () => {
  test('creates states lazily, and getStates/setStates round-trip states and the optimizer', () => {
    const before = live();
    const opt = new Adam({
      learningRate: 0.1,
      wd: 0.01,
      lrScheduler: new FactorScheduler(3, { factor: 0.5 }),
    });
    opt.setLrMult({ b: 2 });
    const u = getUpdater(opt);
    expect(u.states.size).toBe(0);
    const w = nd.array([1, -1, 0.5]);
    const g = nd.array([0.3, 0.2, -0.1]);
    for (let i = 0; i < 5; i++) u.call(3, g, w);
    expect(u.states.size).toBe(1);
    const bytes = u.getStates(true);
    const plain = u.getStates();
    expect(plain.length).toBeLessThan(bytes.length);

    // A second updater loads the states and the optimizer; both must continue identically.
    const u2 = new Updater(new SGD());
    u2.setStates(bytes);
    expect(u2.optimizer).toBeInstanceOf(Adam);
    expect(u2.optimizer.numUpdate).toBe(5);
    expect(u2.optimizer.indexUpdateCount.get(3)).toBe(5);
    expect(u2.optimizer.lrMult.get('b')).toBe(2);
    expect(u2.optimizer.wd).toBe(0.01);
    expect(u2.optimizer.lrScheduler).toBeInstanceOf(FactorScheduler);
    expect(u2.optimizer.learningRate).toBe(opt.learningRate);
    const w2 = w.copy();
    for (let i = 0; i < 5; i++) {
      u.call(3, g, w);
      u2.call(3, g, w2);
    }
    expect(Array.from(w2.dataSync())).toEqual(Array.from(w.dataSync()));

    // States only: the optimizer stays, the states are replaced (and the old ones freed).
    const u3 = new Updater(new Adam());
    u3.call(3, g, w.copy());
    const n = live();
    u3.setStates(plain);
    expect(live()).toBe(n);
    expect(u3.optimizer).toBeInstanceOf(Adam);
    expect(u3.statesSynced.get(3)).toBe(false);

    expect(() => u3.setStates(new Uint8Array(20))).toThrow(/MXTSUPDR/);
    for (const x of [u, u2, u3]) x.dispose();
    w.dispose();
    w2.dispose();
    g.dispose();
    expect(live()).toBe(before + 1); // the weight copy u3 updated
  });

  test('states created inside an mx.scope survive it', () => {
    const before = live();
    const u = getUpdater(new SGD({ learningRate: 0.5, momentum: 0.5 }));
    const w = nd.array([1, 2]);
    mx.scope(() => u.call(0, nd.array([1, 1]), w));
    expect(live()).toBe(before + 2);
    mx.scope(() => u.call(0, nd.array([1, 1]), w));
    // mom: -0.5, then 0.5*-0.5 - 0.5 = -0.75; weight 1 - 0.5 - 0.75.
    expect(Array.from(w.dataSync())).toEqual([-0.25, 0.75]);
    u.dispose();
    w.dispose();
    expect(live()).toBe(before);
  });

  test('a dumped Nadam keeps its optimizer-wide momentum schedule', () => {
    const u = getUpdater(new Nadam());
    const w = nd.array([1, 2]);
    const g = nd.array([0.5, -0.5]);
    u.call(0, g, w);
    u.call(1, g, w);
    const schedule = (u.optimizer as Nadam).mSchedule;
    expect(schedule).toBeLessThan(1);
    const u2 = new Updater(new SGD());
    u2.setStates(u.getStates(true));
    expect((u2.optimizer as Nadam).mSchedule).toBe(schedule);
    for (const x of [u, u2]) x.dispose();
    w.dispose();
    g.dispose();
  });

  test('a null state (SGD without momentum) round-trips', () => {
    const before = live();
    const u = getUpdater(new SGD({ learningRate: 0.1 }));
    const w = nd.array([1, 2]);
    const g = nd.array([1, 1]);
    u.call(5, g, w);
    expect(u.states.get(5)).toBeNull();
    const u2 = new Updater(new SGD());
    u2.setStates(u.getStates());
    expect(u2.states.get(5)).toBeNull();
    expect(u2.statesSynced.get(5)).toBe(false);
    u2.call(5, g, w);
    // u2 keeps its own optimizer (SGD's default rate 0.01): states only were loaded.
    const f = Math.fround;
    expect(Array.from(w.dataSync())).toEqual([1, 2].map((x) => f(f(x - f(0.1)) - f(0.01))));
    for (const x of [u, u2]) x.dispose();
    w.dispose();
    g.dispose();
    expect(live()).toBe(before);
  });

  test('getStatesAsync gives the same bytes', async () => {
    const u = getUpdater(new RMSProp({ centered: true }));
    const w = nd.array([1, 2]);
    const g = nd.array([0.5, -0.5]);
    u.call(0, g, w);
    expect(await u.getStatesAsync(true)).toEqual(u.getStates(true));
    u.dispose();
    w.dispose();
    g.dispose();
  });
});
