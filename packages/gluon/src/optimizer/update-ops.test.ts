import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';

// Direct checks of core's nagMomUpdate, rmspropUpdate and rmspropalexUpdate against the
// kernels of MXNet 1.9.1's src/operator/optimizer_op-inl.h, emulated in float32.
const { nd } = mx;
const live = () => mx.memory().arrays;
const f = Math.fround;

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

describe('update operators added for the optimizers', () => {
  test('nagMomUpdate: NAGMomKernel, mom in place, weight untouched without out', () => {
    const w = nd.array([1, -2, 3]);
    const g = nd.array([0.5, 10, -10]);
    const mom = nd.array([0.1, 0.2, -0.3]);
    const before = live();
    const out = nd.nagMomUpdate(w, g, mom, {
      lr: 0.1,
      momentum: 0.9,
      wd: 0.01,
      rescaleGrad: 0.5,
      clipGradient: 2,
    });
    expect(live()).toBe(before + 1);
    expect(Array.from(w.dataSync())).toEqual([1, -2, 3]);
    const [lr, mu, wd, rs] = [f(0.1), f(0.9), f(0.01), f(0.5)];
    const want = [1, -2, 3].map((wi, i) => {
      const m = f(mu * f([0.1, 0.2, -0.3][i]));
      const rg = Math.min(2, Math.max(-2, f(rs * [0.5, 10, -10][i])));
      const step = f(lr * f(rg + f(wd * wi)));
      return [f(f(wi - m) + f(f(mu + 1) * f(m - step))), f(m - step)];
    });
    expect(Array.from(out.dataSync())).toEqual(want.map((x) => x[0]));
    expect(Array.from(mom.dataSync())).toEqual(want.map((x) => x[1]));
    for (const a of [w, g, mom, out]) a.dispose();
  });

  test('rmspropUpdate and rmspropalexUpdate: their kernels, in place with out: weight', () => {
    const w = nd.array([0.5, -1.5]);
    const g = nd.array([0.3, -4]);
    const n = nd.zeros([2]);
    const n2 = nd.zeros([2]);
    const gs = nd.zeros([2]);
    const delta = nd.zeros([2]);
    const w2 = nd.array([0.5, -1.5]);
    const before = live();
    nd.rmspropUpdate(w, g, n, { lr: 0.1, gamma1: 0.9, clipWeights: 1, out: w });
    nd.rmspropalexUpdate(w2, g, n2, gs, delta, { lr: 0.1, clipGradient: 1, out: w2 });
    expect(live()).toBe(before);
    const [lr, g1] = [f(0.1), f(0.9)];
    const eps = f(1e-8);
    const nWant = [0.3, -4].map((gi) => f(f(f(1 - g1) * f(f(gi) * f(gi))) + 0));
    expect(Array.from(n.dataSync())).toEqual(nWant);
    expect(Array.from(w.dataSync())).toEqual(
      [0.5, -1.5].map((wi, i) => {
        const gi = f([0.3, -4][i]);
        const v = f(wi - f(lr * f(gi / f(Math.sqrt(f(nWant[i] + eps))))));
        return Math.min(1, Math.max(-1, v));
      }),
    );
    // Centered, defaults gamma1 0.95, gamma2 0.9, gradient clipped to [-1, 1].
    const k = f(1 - f(0.95));
    const alex = [0.5, -1.5].map((wi, i) => {
      const r = Math.min(1, Math.max(-1, f([0.3, -4][i])));
      const nn = f(f(f(k * r) * r) + 0);
      const gg = f(f(k * r) + 0);
      const d = f(0 - f(f(lr * r) / f(Math.sqrt(f(f(nn - f(gg * gg)) + eps)))));
      return [f(wi + d), nn, gg, d];
    });
    expect(Array.from(w2.dataSync())).toEqual(alex.map((x) => x[0]));
    expect(Array.from(n2.dataSync())).toEqual(alex.map((x) => x[1]));
    expect(Array.from(gs.dataSync())).toEqual(alex.map((x) => x[2]));
    expect(Array.from(delta.dataSync())).toEqual(alex.map((x) => x[3]));
    for (const a of [w, g, n, n2, gs, delta, w2]) a.dispose();
  });

  test('multiSgdUpdate and multiSgdMomUpdate: MultiSGDKernel per weight, in place', () => {
    const w0 = nd.array([1, -2, 3]);
    const g0 = nd.array([0.5, 10, -10]);
    const w1 = nd.array([0.25, 4]);
    const g1 = nd.array([-1, 1]);
    const mom = nd.array([0.1, -0.1]);
    const before = live();
    nd.multiSgdUpdate([w0, g0], {
      lrs: [0.1],
      wds: [0.3],
      rescaleGrad: 0.5,
      clipGradient: 1,
      out: [w0],
    });
    nd.multiSgdMomUpdate([w1, g1, mom], { lrs: [0.2], wds: [0.1], momentum: 0.9, out: [w1] });
    expect(live()).toBe(before);
    const [lr, wd, rs] = [f(0.1), f(0.3), f(0.5)];
    expect(Array.from(w0.dataSync())).toEqual(
      [1, -2, 3].map((wi, i) => {
        const step = f(lr * Math.min(1, Math.max(-1, f(rs * [0.5, 10, -10][i]))));
        return f(wi + f(-f(f(lr * wd) * wi) - step));
      }),
    );
    const m = [0.25, 4].map((wi, i) =>
      f(
        f(f(f(0.9) * f([0.1, -0.1][i])) - f(f(f(0.2) * f(0.1)) * wi)) -
          f(f(f(0.2) * 1) * [-1, 1][i]),
      ),
    );
    expect(Array.from(mom.dataSync())).toEqual(m);
    expect(Array.from(w1.dataSync())).toEqual([0.25, 4].map((wi, i) => f(wi + m[i])));
    // Without out: new arrays, the weights untouched.
    const outs = nd.multiSgdUpdate([w0, g0, w1, g1], { lrs: [0.1, 0.2], wds: [0, 0] });
    expect(outs).toHaveLength(2);
    expect(live()).toBe(before + 2);
    for (const a of [w0, g0, w1, g1, mom, ...outs]) a.dispose();
  });

  test('lambUpdatePhase2: trust ratio r1/r2, plain lr when a norm is 0, r1 clamped', () => {
    const w = nd.array([3, 4]);
    const g = nd.array([1, -2]);
    const r1 = nd.array([5]);
    const r2 = nd.array([0.5]);
    const zero = nd.array([0]);
    const before = live();
    const a = nd.lambUpdatePhase2(w, g, r1, r2, { lr: 0.1 });
    const b = nd.lambUpdatePhase2(w, g, zero, r2, { lr: 0.1 });
    const c = nd.lambUpdatePhase2(w, g, r1, zero, { lr: 0.1 });
    const d = nd.lambUpdatePhase2(w, g, r1, r2, { lr: 0.1, upperBound: 2 });
    expect(live()).toBe(before + 4);
    const rate = f(f(f(0.1) * 5) / 0.5);
    expect(Array.from(a.dataSync())).toEqual([3, 4].map((x, i) => f(x - f(rate * [1, -2][i]))));
    const plain = [3, 4].map((x, i) => f(x - f(f(0.1) * [1, -2][i])));
    expect(Array.from(b.dataSync())).toEqual(plain);
    expect(Array.from(c.dataSync())).toEqual(plain);
    const clamped = f(f(f(0.1) * 2) / 0.5);
    expect(Array.from(d.dataSync())).toEqual([3, 4].map((x, i) => f(x - f(clamped * [1, -2][i]))));
    expect(() => nd.lambUpdatePhase2(w, g, w, r2, { lr: 0.1 })).toThrow(/r1 must have shape \(1\)/);
    for (const x of [w, g, r1, r2, zero, a, b, c, d]) x.dispose();
  });

  test('bad arguments are refused before anything runs', () => {
    const w = nd.ones([2]);
    const s3 = nd.ones([3]);
    const i32 = nd.ones([2], { dtype: 'int32' });
    const before = live();
    expect(() => nd.nagMomUpdate(w, w, s3, { lr: 0.1 })).toThrow(mx.ShapeError);
    expect(() => nd.rmspropUpdate(w, w, w, {} as never)).toThrow(/lr is required/);
    expect(() => nd.rmspropalexUpdate(w, w, w, i32, w, { lr: 0.1 })).toThrow(mx.DTypeError);
    expect(() => nd.rmspropUpdate(w, w, w, { lr: 0.1, gamma1: 'x' as never })).toThrow(
      /gamma1 must be a number/,
    );
    expect(() => nd.multiSgdUpdate([w, w, w], { lrs: [0.1], wds: [0] })).toThrow(/numWeights/);
    expect(() => nd.multiSgdUpdate([w, w], { lrs: [0.1, 0.2], wds: [0] })).toThrow(
      /lrs must list one number per weight/,
    );
    expect(() => nd.multiSgdMomUpdate([w, w, s3], { lrs: [0.1], wds: [0] })).toThrow(mx.ShapeError);
    expect(() => nd.ftmlUpdate(w, w, w, w, w, { lr: 0.1 } as never)).toThrow(/t is required/);
    expect(() => nd.ftmlUpdate(w, w, w, w, w, { lr: 0.1, t: 1.5 })).toThrow(/t must be an integer/);
    expect(() => nd.ftrlUpdate(w, w, w, s3, { lr: 0.1 })).toThrow(mx.ShapeError);
    expect(() => nd.signumUpdate(w, s3, w, { lr: 0.1 })).toThrow(mx.ShapeError);
    expect(() => nd.signsgdUpdate(w, i32, { lr: 0.1 })).toThrow(mx.DTypeError);
    expect(live()).toBe(before);
    for (const a of [w, s3, i32]) a.dispose();
  });
});
