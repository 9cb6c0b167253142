import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createCpuBackend } from './index.js';

const { nd, autograd } = mx;
const live = () => mx.memory().arrays;

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

describe('mx.scope and graph-owned intermediates', () => {
  test('a scope frees what it created except what it returns, nested in arrays and objects', () => {
    const before = live();
    const out = mx.scope(() => {
      const a = nd.ones([2]).mul(2);
      const b = a.add(1);
      return { pair: [a, 7], b };
    });
    expect(live()).toBe(before + 2);
    expect(Array.from(out.b.dataSync())).toEqual([3, 3]);
    out.pair[0] instanceof mx.NDArray && out.pair[0].dispose();
    out.b.dispose();
    expect(live()).toBe(before);
  });

  test('scopes nest: an inner result passes to the outer scope, which frees it', () => {
    const before = live();
    let inner: mx.NDArray | undefined;
    mx.scope(() => {
      inner = mx.scope(() => nd.ones([3]).mul(3));
      expect(live()).toBe(before + 1);
    });
    expect(live()).toBe(before);
    expect(() => inner!.shape).toThrow(mx.FreedByScopeError);
  });

  test('a throw frees everything and rethrows; using frees at the block end', () => {
    const before = live();
    expect(() =>
      mx.scope(() => {
        nd.ones([4]);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(live()).toBe(before);
    {
      using _ = mx.scope();
      nd.zeros([5]).add(1);
      expect(live()).toBe(before + 2);
    }
    expect(live()).toBe(before);
  });

  test('an async scope is awaited before it frees', async () => {
    const before = live();
    const r = await mx.scope(async () => {
      const a = nd.ones([2]);
      await new Promise((res) => setTimeout(res, 1));
      expect(live()).toBe(before + 1);
      return a.mul(5);
    });
    expect(live()).toBe(before + 1);
    expect(Array.from(r.dataSync())).toEqual([5, 5]);
    r.dispose();
    expect(live()).toBe(before);
  });

  test('mx.keep lets an array outlive the scopes around it', () => {
    const before = live();
    let kept: mx.NDArray | undefined;
    mx.scope(() =>
      mx.scope(() => {
        kept = mx.keep(nd.ones([2]));
      }),
    );
    expect(live()).toBe(before + 1);
    kept!.dispose();
    expect(live()).toBe(before);
  });

  test('record owns intermediates; backward frees them and reading one says why', () => {
    const x = nd.array([1, 2, 3]);
    x.attachGrad();
    const before = live();
    let h: mx.NDArray | undefined;
    const loss = autograd.record(() => {
      h = x.mul(2);
      return h.square().sum();
    });
    loss.backward();
    expect(Array.from(x.grad!.dataSync())).toEqual([8, 16, 24]);
    expect(() => h!.dataSync()).toThrow(mx.FreedWithGraphError);
    // Only the returned loss is left; the grad buffer was written in place.
    expect(live()).toBe(before + 1);
    loss.dispose();
    expect(live()).toBe(before);
    x.dispose();
  });

  test('disposing the heads without backward releases the graph', () => {
    const x = nd.array([1, 2]);
    x.attachGrad();
    const before = live();
    const y = autograd.record(() => x.mul(3).exp().sum());
    expect(live()).toBeGreaterThan(before + 1);
    y.dispose();
    expect(live()).toBe(before);
    x.dispose();
  });

  test('a scope around record frees the graph-owned arrays too; the graph keeps what it saved', () => {
    const x = nd.array([1, 2]);
    x.attachGrad();
    const before = live();
    const loss = mx.scope(() => autograd.record(() => x.mul(x).sum()));
    loss.backward();
    expect(Array.from(x.grad!.dataSync())).toEqual([2, 4]);
    loss.dispose();
    expect(live()).toBe(before);
    x.dispose();
  });
});

describe('update operators (MXNet 1.9.1 optimizer_op-inl.h)', () => {
  const f = Math.fround;
  test('sgdUpdate in place: (1 - lr*wd)*w - lr*clip(rescale*g), no temporary left', () => {
    const w = nd.array([1, -2, 3]);
    const g = nd.array([0.5, 10, -10]);
    const before = live();
    nd.sgdUpdate(w, g, { lr: 0.1, wd: 0.01, rescaleGrad: 0.5, clipGradient: 1, out: w });
    expect(live()).toBe(before);
    const lr = f(0.1);
    const decay = f(1 - f(lr * f(0.01)));
    const want = [1, -2, 3].map((wi, i) => {
      const r = f(f(0.5) * [0.5, 10, -10][i]);
      const c = Math.min(1, Math.max(-1, r));
      return f(f(decay * wi) - f(lr * c));
    });
    expect(Array.from(w.dataSync())).toEqual(want);
    w.dispose();
    g.dispose();
  });

  test('sgdMomUpdate and adamUpdate update their states in place', () => {
    const w = nd.array([1, 2]);
    const g = nd.array([0.1, -0.2]);
    const mom = nd.zeros([2]);
    const mean = nd.zeros([2]);
    const v = nd.zeros([2]);
    const before = live();
    nd.sgdMomUpdate(w, g, mom, { lr: 0.5, momentum: 0.9, out: w });
    const m1 = [0.1, -0.2].map((gi) => f(f(f(0.9) * 0) - f(0 * 1)) - f(f(0.5) * gi));
    expect(Array.from(mom.dataSync())).toEqual(m1.map(f));
    expect(Array.from(w.dataSync())).toEqual([1, 2].map((wi, i) => f(wi + f(m1[i]))));
    const w0 = Array.from(w.dataSync());
    nd.adamUpdate(w, g, mean, v, { lr: 0.01, out: w });
    expect(live()).toBe(before);
    const gs = [0.1, -0.2].map(f);
    const mn = gs.map((gi) => f(f(f(0.9) * 0) + f(f(1 - f(0.9)) * gi)));
    const vr = gs.map((gi) => f(f(f(0.999) * 0) + f(f(f(1 - f(0.999)) * gi) * gi)));
    expect(Array.from(mean.dataSync())).toEqual(mn);
    expect(Array.from(v.dataSync())).toEqual(vr);
    const want = w0.map((wi, i) =>
      f(wi - f(f(f(0.01) * mn[i]) / f(f(Math.sqrt(vr[i])) + f(1e-8)))),
    );
    expect(Array.from(w.dataSync())).toEqual(want);
    for (const a of [w, g, mom, mean, v]) a.dispose();
  });

  test('bad arguments are refused before anything runs', () => {
    const w = nd.ones([2]);
    const g3 = nd.ones([3]);
    const before = live();
    expect(() => nd.sgdUpdate(w, g3, { lr: 0.1 })).toThrow(mx.ShapeError);
    expect(() => nd.sgdUpdate(w, w, {} as never)).toThrow(/lr is required/);
    expect(live()).toBe(before);
    w.dispose();
    g3.dispose();
  });
});
