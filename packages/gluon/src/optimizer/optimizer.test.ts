import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { FactorScheduler } from '../lr-scheduler/index.js';
import {
  AdaDelta,
  AdaGrad,
  Adam,
  createOptimizer,
  Ftrl,
  getUpdater,
  NAG,
  Optimizer,
  type OptimizerOptions,
  type OptimizerState,
  RMSProp,
  registerOptimizer,
  SGD,
  SGLD,
  Updater,
} from './index.js';

const { nd } = mx;
const live = () => mx.memory().arrays;

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

// ---------------------------------------------------------------------------------------
// An independent reference of MXNet 1.9.1's optimizers, written from
// python/mxnet/optimizer/optimizer.py and the kernels of src/operator/optimizer_op-inl.h,
// emulating float32 arithmetic (Math.fround after every operation, scalars cast to float32
// as the kernels' static_cast<DType>), in the kernels' order of operations.

interface Hyper {
  lr: number; // learning rate of this step and index (float64, as Python computes it)
  wd: number;
  rescale: number;
  clip: number | null;
  opts: Record<string, number | boolean | null>;
}

type RefState = number[][];

const f = Math.fround;
const clipTo = (x: number, c: number | null) => (c === null ? x : Math.min(c, Math.max(-c, x)));
// MXNet's SGD/NAG/Adam/RMSProp pass clip_gradient only when truthy; AdaGrad/AdaDelta test `is not None`.
const truthyClip = (c: number | null) => (c ? f(c) : null);

const reference: Record<
  string,
  (w: number[], g: number[], s: RefState, t: number, h: Hyper) => void
> = {
  sgd(w, g, s, _t, h) {
    const c = truthyClip(h.clip);
    const [lr, wd, rescale] = [f(h.lr), f(h.wd), f(h.rescale)];
    const momentum = f(h.opts.momentum as number);
    for (let i = 0; i < w.length; i++) {
      // MultiSGDKernel (SGD's dense path in 1.9.1): mom is 0 without momentum.
      const step = c === null ? f(f(lr * rescale) * g[i]) : f(lr * clipTo(f(rescale * g[i]), c));
      const mom = momentum === 0 ? 0 : s[0][i];
      const next = f(f(f(momentum * mom) - f(f(lr * wd) * w[i])) - step);
      if (momentum !== 0) s[0][i] = next;
      w[i] = f(w[i] + next);
    }
  },
  nag(w, g, s, _t, h) {
    const c = truthyClip(h.clip);
    const [lr, wd, rescale] = [f(h.lr), f(h.wd), f(h.rescale)];
    const momentum = f(h.opts.momentum as number);
    for (let i = 0; i < w.length; i++) {
      if (momentum === 0) {
        const step = c === null ? f(f(lr * rescale) * g[i]) : f(lr * clipTo(f(rescale * g[i]), c));
        w[i] = f(f(f(1 - f(lr * wd)) * w[i]) - step);
      } else {
        // NAGMomKernel
        const m = f(momentum * s[0][i]);
        const step = f(lr * f(clipTo(f(rescale * g[i]), c) + f(wd * w[i])));
        w[i] = f(f(w[i] - m) + f(f(momentum + 1) * f(m - step)));
        s[0][i] = f(m - step);
      }
    }
  },
  adam(w, g, s, t, h) {
    const c = truthyClip(h.clip);
    const [wd, rescale] = [f(h.wd), f(h.rescale)];
    const b1 = h.opts.beta1 as number;
    const b2 = h.opts.beta2 as number;
    // Python folds the bias correction into lr in float64; the kernel gets it as float32.
    const lrT = f((h.lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t));
    const eps = f(h.opts.epsilon as number);
    for (let i = 0; i < w.length; i++) {
      // AdamUpdateKernel
      const rg = clipTo(f(f(rescale * g[i]) + f(wd * w[i])), c);
      s[0][i] = f(f(f(b1) * s[0][i]) + f(f(1 - f(b1)) * rg));
      s[1][i] = f(f(f(b2) * s[1][i]) + f(f(f(1 - f(b2)) * rg) * rg));
      w[i] = f(w[i] - f(f(lrT * s[0][i]) / f(f(Math.sqrt(s[1][i])) + eps)));
    }
  },
  rmsprop(w, g, s, _t, h) {
    const c = truthyClip(h.clip);
    const cw = truthyClip(h.opts.clipWeights as number | null);
    const [lr, wd, rescale] = [f(h.lr), f(h.wd), f(h.rescale)];
    const g1 = f(h.opts.gamma1 as number);
    const g2 = f(h.opts.gamma2 as number);
    const eps = f(h.opts.epsilon as number);
    for (let i = 0; i < w.length; i++) {
      const r = clipTo(f(f(rescale * g[i]) + f(wd * w[i])), c);
      if (!h.opts.centered) {
        // RMSPropUpdateKernel
        s[0][i] = f(f(f(1 - g1) * f(r * r)) + f(g1 * s[0][i]));
        w[i] = clipTo(f(w[i] - f(lr * f(r / f(Math.sqrt(f(s[0][i] + eps)))))), cw);
      } else {
        // RMSPropAlexUpdateKernel
        s[0][i] = f(f(f(f(1 - g1) * r) * r) + f(g1 * s[0][i]));
        s[1][i] = f(f(f(1 - g1) * r) + f(g1 * s[1][i]));
        const root = f(Math.sqrt(f(f(s[0][i] - f(s[1][i] * s[1][i])) + eps)));
        s[2][i] = f(f(g2 * s[2][i]) - f(f(lr * r) / root));
        w[i] = clipTo(f(w[i] + s[2][i]), cw);
      }
    }
  },
  adagrad(w, g, s, _t, h) {
    // AdaGrad.update's NDArray expressions, one rounding per operator.
    const [lr, wd, rescale] = [f(h.lr), f(h.wd), f(h.rescale)];
    const clip = h.clip === null ? null : f(h.clip);
    const eps = f(h.opts.eps as number);
    for (let i = 0; i < w.length; i++) {
      const rg = clipTo(f(g[i] * rescale), clip);
      s[0][i] = f(s[0][i] + f(rg * rg));
      const div = f(rg / f(Math.sqrt(f(s[0][i] + eps))));
      w[i] = f(w[i] + f(f(div + f(w[i] * wd)) * f(-lr)));
    }
  },
  adadelta(w, g, s, _t, h) {
    const [wd, rescale] = [f(h.wd), f(h.rescale)];
    const clip = h.clip === null ? null : f(h.clip);
    const rho = h.opts.rho as number;
    const eps = f(h.opts.epsilon as number);
    const keep = f(1 - rho);
    for (let i = 0; i < w.length; i++) {
      const rg = clipTo(f(g[i] * rescale), clip);
      s[0][i] = f(s[0][i] * f(rho));
      s[0][i] = f(s[0][i] + f(f(keep * rg) * rg));
      const delta = f(f(f(Math.sqrt(f(s[1][i] + eps))) / f(Math.sqrt(f(s[0][i] + eps)))) * rg);
      s[1][i] = f(s[1][i] * f(rho));
      s[1][i] = f(s[1][i] + f(f(keep * delta) * delta));
      w[i] = f(w[i] - f(delta + f(wd * w[i])));
    }
  },
};

// Nadam's momentum schedule is one value per optimizer (reset per case).
let nadamSchedule = 1;
reference.adamax = (w, g, s, t, h) => {
  const [wd, rescale] = [f(h.wd), f(h.rescale)];
  const clip = h.clip === null ? null : f(h.clip);
  const b1 = h.opts.beta1 as number;
  const b2 = h.opts.beta2 as number;
  const lr = f(h.lr / (1 - b1 ** t));
  for (let i = 0; i < w.length; i++) {
    const rg = clipTo(f(f(g[i] * rescale) + f(w[i] * wd)), clip);
    s[0][i] = f(s[0][i] * f(b1));
    s[0][i] = f(s[0][i] + f(rg * f(1 - b1)));
    s[1][i] = Math.max(f(s[1][i] * f(b2)), Math.abs(rg));
    w[i] = f(w[i] - f(f(s[0][i] * lr) / s[1][i]));
  }
};
reference.nadam = (w, g, s, t, h) => {
  const [wd, rescale] = [f(h.wd), f(h.rescale)];
  const clip = h.clip === null ? null : f(h.clip);
  const b1 = h.opts.beta1 as number;
  const b2 = h.opts.beta2 as number;
  const sd = h.opts.scheduleDecay as number;
  const eps = f(h.opts.epsilon as number);
  const mt = b1 * (1 - 0.5 * 0.96 ** (t * sd));
  const mt1 = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * sd));
  nadamSchedule *= mt;
  const next = nadamSchedule * mt1;
  for (let i = 0; i < w.length; i++) {
    const rg = clipTo(f(f(g[i] * rescale) + f(w[i] * wd)), clip);
    s[0][i] = f(s[0][i] * f(b1));
    s[0][i] = f(s[0][i] + f(rg * f(1 - b1)));
    s[1][i] = f(s[1][i] * f(b2));
    s[1][i] = f(s[1][i] + f(f(rg * f(1 - b2)) * rg));
    const gp = f(rg / f(1 - nadamSchedule));
    const mp = f(s[0][i] / f(1 - next));
    const vp = f(s[1][i] / f(1 - b2 ** t));
    const mBar = f(f(gp * f(1 - mt)) + f(mp * f(mt1)));
    w[i] = f(w[i] - f(f(mBar * f(h.lr)) / f(f(Math.sqrt(vp)) + eps)));
  }
};

reference.signum = (w, g, s, _t, h) => {
  const c = truthyClip(h.clip);
  const [lr, wd, rescale] = [f(h.lr), f(h.wd), f(h.rescale)];
  const m = f(h.opts.momentum as number);
  const wdLh = f(h.opts.wdLh as number);
  const keep = f(1 - m);
  for (let i = 0; i < w.length; i++) {
    if (m === 0) {
      // SignSGDKernel: the raw gradient's sign
      w[i] = f(f(f(1 - f(lr * wd)) * w[i]) - f(lr * Math.sign(g[i])));
    } else {
      // SignumKernel
      const step =
        c === null ? f(f(keep * rescale) * g[i]) : f(keep * clipTo(f(rescale * g[i]), c));
      s[0][i] = f(f(f(m * s[0][i]) - f(f(keep * wd) * w[i])) - step);
      w[i] = f(f(f(1 - f(lr * wdLh)) * w[i]) + f(lr * Math.sign(s[0][i])));
    }
  }
};
reference.ftml = (w, g, s, t, h) => {
  const c = truthyClip(h.clip);
  const [lr, wd, rescale] = [f(h.lr), f(h.wd), f(h.rescale)];
  const b1 = f(h.opts.beta1 as number);
  const b2 = f(h.opts.beta2 as number);
  const eps = f(h.opts.epsilon as number);
  // FTMLKernel; power::Map(beta, t) in float32
  const coef = f(f(1 - f(b1 ** t)) / lr);
  const bias2 = f(1 - f(b2 ** t));
  for (let i = 0; i < w.length; i++) {
    const gi = clipTo(f(f(rescale * g[i]) + f(wd * w[i])), c);
    s[1][i] = f(f(b2 * s[1][i]) + f(f(1 - b2) * f(gi * gi)));
    const dT = f(coef * f(f(Math.sqrt(f(s[1][i] / bias2))) + eps));
    s[2][i] = f(f(f(b1 * s[2][i]) + f(f(1 - b1) * gi)) - f(f(dT - f(b1 * s[0][i])) * w[i]));
    s[0][i] = dT;
    w[i] = -f(s[2][i] / dT);
  }
};
reference.ftrl = (w, g, s, _t, h) => {
  const c = truthyClip(h.clip);
  const [lr, wd, rescale] = [f(h.lr), f(h.wd), f(h.rescale)];
  const l1 = f(h.opts.lamda1 as number);
  const beta = f(h.opts.beta as number);
  for (let i = 0; i < w.length; i++) {
    // FtrlUpdateKernel (state [z, n])
    const gi = clipTo(f(g[i] * rescale), c);
    const g2 = f(gi * gi);
    const grown = f(f(Math.sqrt(f(s[1][i] + g2))) - f(Math.sqrt(s[1][i])));
    s[0][i] = f(s[0][i] + f(gi - f(f(grown * w[i]) / lr)));
    s[1][i] = f(s[1][i] + g2);
    const z = s[0][i];
    const den = f(f(f(f(Math.sqrt(s[1][i])) + beta) / lr) + wd);
    w[i] = f(f(f(Math.sign(z) * l1) - z) / den) * (Math.abs(z) > l1 ? 1 : 0);
  }
};

reference.lamb = (w, g, s, t, h) => {
  // lamb_update_phase1 / lamb_update_phase2 (LambUpdatePhaseOne/TwoKernel)
  const c = truthyClip(h.clip);
  const [lr, wd, rescale] = [f(h.lr), f(h.wd), f(h.rescale)];
  const b1 = f(h.opts.beta1 as number);
  const b2 = f(h.opts.beta2 as number);
  const eps = f(h.opts.epsilon as number);
  const lb = truthyClip(h.opts.lowerBound as number | null);
  const ub = truthyClip(h.opts.upperBound as number | null);
  const b1t = f(b1 ** t);
  const b2t = f(b2 ** t);
  const gs = w.map((wi, i) => {
    const rg = clipTo(f(g[i] * rescale), c);
    s[0][i] = f(f(b1 * s[0][i]) + f(f(1 - b1) * rg));
    s[1][i] = f(f(b2 * s[1][i]) + f(f(f(1 - b2) * rg) * rg));
    // the kernel divides the mean by (1. - beta1_t) in double
    const mHat = h.opts.biasCorrection ? f(s[0][i] / (1 - b1t)) : s[0][i];
    const vHat = h.opts.biasCorrection ? f(s[1][i] / f(1 - b2t)) : s[1][i];
    return f(f(mHat / f(f(Math.sqrt(vHat)) + eps)) + f(wd * wi));
  });
  const norm = (v: number[]) => f(Math.sqrt(f(v.reduce((a, x) => a + f(x * x), 0))));
  let r1 = norm(w);
  const r2 = norm(gs);
  if (lb !== null) r1 = Math.max(r1, lb);
  if (ub !== null) r1 = Math.min(r1, ub);
  const rate = r1 === 0 || r2 === 0 ? lr : f(f(lr * r1) / r2);
  for (let i = 0; i < w.length; i++) w[i] = f(w[i] - f(rate * gs[i]));
};

const stateCount: Record<string, (o: Hyper['opts']) => number> = {
  sgd: (o) => (o.momentum ? 1 : 0),
  nag: (o) => (o.momentum ? 1 : 0),
  adam: () => 2,
  rmsprop: (o) => (o.centered ? 3 : 1),
  adagrad: () => 1,
  adadelta: () => 2,
  adamax: () => 2,
  nadam: () => 2,
  signum: (o) => (o.momentum ? 1 : 0),
  ftml: () => 3,
  ftrl: () => 2,
  lamb: () => 2,
};

// MXNet's defaults of each optimizer's own options, for the reference.
const defaults: Record<string, Hyper['opts']> = {
  sgd: { momentum: 0 },
  nag: { momentum: 0 },
  adam: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  rmsprop: { gamma1: 0.9, gamma2: 0.9, epsilon: 1e-8, centered: false, clipWeights: null },
  adagrad: { eps: 1e-7 },
  adadelta: { rho: 0.9, epsilon: 1e-5 },
  adamax: { beta1: 0.9, beta2: 0.999 },
  nadam: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, scheduleDecay: 0.004 },
  signum: { momentum: 0.9, wdLh: 0 },
  ftml: { beta1: 0.6, beta2: 0.999, epsilon: 1e-8 },
  ftrl: { lamda1: 0.01, beta: 1 },
  lamb: {
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-6,
    lowerBound: null,
    upperBound: null,
    biasCorrection: true,
  },
};
const defaultLr: Record<string, number> = {
  sgd: 0.01,
  nag: 0.01,
  adam: 0.001,
  rmsprop: 0.001,
  adagrad: 0.01,
  adadelta: 0.01,
  adamax: 0.002,
  nadam: 0.001,
  signum: 0.01,
  ftml: 0.01,
  ftrl: 0.1,
  lamb: 0.001,
};

// The problem: two parameters, 'fc_weight' (3x4) and 'fc_bias' (5); a deterministic
// gradient of the weight itself and the step, large enough in places to be clipped.
const shapes = [[3, 4], [5]];
const names = ['fc_weight', 'fc_bias'];
const init = (p: number) =>
  Array.from({ length: p === 0 ? 12 : 5 }, (_, i) => Math.fround(Math.sin(3 * i + p + 1) * 2));
const gradOf = (w: ArrayLike<number>, t: number, p: number) =>
  Float32Array.from(w, (wi, i) => 1.5 * (wi - Math.cos(i + p)) + 0.8 * Math.sin(t * 0.7 + i));

function maxRelErr(got: ArrayLike<number>, want: number[]): number {
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const e = Math.abs(got[i] - want[i]) / (Math.abs(want[i]) + 1e-5);
    if (!(e <= worst)) worst = e;
  }
  return worst;
}

interface Case {
  name: string;
  kind: string;
  options: OptimizerOptions & Record<string, unknown>;
  lrMult?: Record<string, number>;
  scheduler?: () => FactorScheduler;
}

function runCase(c: Case): void {
  const before = live();
  nadamSchedule = 1;
  const opts = { ...defaults[c.kind], ...pick(c.options, Object.keys(defaults[c.kind])) };
  const sched = c.scheduler?.();
  const opt = createOptimizer(c.kind, {
    ...c.options,
    paramIdx2Name: { 0: names[0], 1: names[1] },
    ...(sched ? { lrScheduler: sched } : {}),
  });
  if (c.lrMult) opt.setLrMult(c.lrMult);
  const refSched = c.scheduler?.();
  const baseLr = (c.options.learningRate as number | undefined) ?? defaultLr[c.kind];
  if (refSched) refSched.baseLr = baseLr;
  const updater = getUpdater(opt);
  const weights = shapes.map((s, p) => nd.array(init(p), { shape: s }));
  const refW = shapes.map((_, p) => init(p).map(Number));
  const refS = refW.map((w) =>
    Array.from({ length: stateCount[c.kind](opts) }, () => w.map(() => 0)),
  );
  let liveAfterFirst = -1;
  let numUpdate = 0;
  for (let t = 1; t <= 100; t++) {
    numUpdate = t;
    for (let p = 0; p < 2; p++) {
      const g = gradOf(weights[p].dataSync(), t, p);
      const gRef = gradOf(Float32Array.from(refW[p]), t, p);
      const grad = nd.array(g, { shape: shapes[p] });
      updater.call(p, grad, weights[p]);
      grad.dispose();
      const lr = (refSched ? refSched.call(numUpdate) : baseLr) * (c.lrMult?.[names[p]] ?? 1);
      // set_wd_mult: names not ending in _weight/_gamma get wd_mult 0.
      const wd = (c.options.wd ?? 0) * (names[p].endsWith('_weight') ? 1 : 0);
      reference[c.kind](refW[p], Array.from(gRef), refS[p], t, {
        lr,
        wd,
        rescale: c.options.rescaleGrad ?? 1,
        clip: c.options.clipGradient ?? null,
        opts,
      });
      const err = maxRelErr(weights[p].dataSync(), refW[p]);
      if (!(err < 1e-5)) {
        throw new Error(`${c.name}: step ${t}, param ${p}: relative error ${err}`);
      }
    }
    if (t === 1) liveAfterFirst = live();
    else expect(live()).toBe(liveAfterFirst);
  }
  expect(opt.numUpdate).toBe(100);
  expect(opt.indexUpdateCount.get(0)).toBe(100);
  expect(opt.indexUpdateCount.get(1)).toBe(100);
  // The states: one array per state entry of each parameter, nothing else.
  expect(liveAfterFirst - before).toBe(2 + 2 * stateCount[c.kind](opts));
  for (const w of weights) expect(Array.from(w.dataSync()).every(Number.isFinite)).toBe(true);
  updater.dispose();
  for (const w of weights) w.dispose();
  expect(live()).toBe(before);
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, number | boolean | null> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k))) as Record<
    string,
    number | boolean | null
  >;
}

const cases: Case[] = [
  { name: 'sgd plain with wd', kind: 'sgd', options: { learningRate: 0.1, wd: 0.05 } },
  {
    name: 'sgd momentum wd clip rescale lrMult',
    kind: 'sgd',
    options: { learningRate: 0.05, momentum: 0.9, wd: 0.01, clipGradient: 0.5, rescaleGrad: 0.5 },
    lrMult: { fc_bias: 2 },
  },
  {
    name: 'sgd with a FactorScheduler',
    kind: 'sgd',
    options: { learningRate: 0.2, momentum: 0.5 },
    scheduler: () => new FactorScheduler(10, { factor: 0.7 }),
  },
  { name: 'nag plain', kind: 'nag', options: { learningRate: 0.05, wd: 0.1 } },
  {
    name: 'nag momentum wd clip rescale',
    kind: 'nag',
    options: { learningRate: 0.05, momentum: 0.9, wd: 0.02, clipGradient: 1, rescaleGrad: 0.8 },
  },
  { name: 'adam defaults', kind: 'adam', options: {} },
  {
    name: 'adam wd clip rescale lrMult',
    kind: 'adam',
    options: {
      learningRate: 0.05,
      beta1: 0.8,
      beta2: 0.99,
      epsilon: 1e-6,
      wd: 0.01,
      clipGradient: 1,
      rescaleGrad: 0.5,
    },
    lrMult: { fc_weight: 0.5 },
  },
  { name: 'rmsprop', kind: 'rmsprop', options: { learningRate: 0.01, wd: 0.01 } },
  {
    name: 'rmsprop clip weights and gradient',
    kind: 'rmsprop',
    options: { learningRate: 0.05, gamma1: 0.8, clipGradient: 1, clipWeights: 1.2 },
  },
  {
    name: 'rmsprop centered',
    kind: 'rmsprop',
    options: { learningRate: 0.005, centered: true, gamma1: 0.95, gamma2: 0.8, wd: 0.01 },
  },
  {
    name: 'rmsprop centered clip rescale',
    kind: 'rmsprop',
    options: {
      learningRate: 0.005,
      centered: true,
      clipGradient: 1,
      clipWeights: 1.5,
      rescaleGrad: 0.5,
      epsilon: 1e-4,
    },
  },
  { name: 'adagrad', kind: 'adagrad', options: { learningRate: 0.1 } },
  {
    name: 'adagrad wd clip rescale',
    kind: 'adagrad',
    options: { learningRate: 0.1, wd: 0.01, clipGradient: 1, rescaleGrad: 0.5, eps: 1e-6 },
  },
  { name: 'adadelta', kind: 'adadelta', options: {} },
  {
    name: 'adadelta wd clip rescale',
    kind: 'adadelta',
    options: { rho: 0.95, epsilon: 1e-4, wd: 0.01, clipGradient: 1, rescaleGrad: 0.5 },
  },
  { name: 'adamax', kind: 'adamax', options: {} },
  {
    name: 'adamax wd clip rescale',
    kind: 'adamax',
    options: { learningRate: 0.01, beta1: 0.8, wd: 0.01, clipGradient: 1, rescaleGrad: 0.5 },
  },
  { name: 'nadam', kind: 'nadam', options: { learningRate: 0.01 } },
  {
    name: 'nadam wd clip rescale',
    kind: 'nadam',
    options: {
      learningRate: 0.01,
      scheduleDecay: 0.01,
      wd: 0.01,
      clipGradient: 1,
      rescaleGrad: 0.5,
    },
  },
  { name: 'signum', kind: 'signum', options: { wd: 0.01 } },
  {
    name: 'signum wdLh clip rescale',
    kind: 'signum',
    options: { momentum: 0.8, wdLh: 0.1, wd: 0.01, clipGradient: 1, rescaleGrad: 0.5 },
  },
  { name: 'signsgd (signum without momentum)', kind: 'signum', options: { momentum: 0, wd: 0.1 } },
  { name: 'ftml', kind: 'ftml', options: { learningRate: 0.05 } },
  {
    name: 'ftml wd clip rescale',
    kind: 'ftml',
    options: { learningRate: 0.05, beta1: 0.5, wd: 0.01, clipGradient: 1, rescaleGrad: 0.5 },
  },
  { name: 'ftrl', kind: 'ftrl', options: {} },
  {
    name: 'ftrl wd clip rescale',
    kind: 'ftrl',
    options: {
      learningRate: 0.5,
      lamda1: 0.05,
      beta: 0.5,
      wd: 0.01,
      clipGradient: 1,
      rescaleGrad: 0.5,
    },
  },
  { name: 'lamb', kind: 'lamb', options: { learningRate: 0.01 } },
  {
    name: 'lamb bounds wd clip rescale, no bias correction',
    kind: 'lamb',
    options: {
      learningRate: 0.01,
      wd: 0.01,
      clipGradient: 1,
      rescaleGrad: 0.5,
      lowerBound: 2,
      upperBound: 3,
      biasCorrection: false,
    },
  },
];

describe('optimizer trajectories match MXNet 1.9.1 formulas (float32-emulating reference, 100 steps)', () => {
  for (const c of cases) test(c.name, () => runCase(c));
});

describe('Optimizer base', () => {
  test('learning rate defaults, setLearningRate, schedulers and explicit rates', () => {
    expect(new SGD().learningRate).toBe(0.01);
    expect(new Adam().learningRate).toBe(0.001);
    expect(new RMSProp().learningRate).toBe(0.001);
    const o = new SGD({ learningRate: 0.3 });
    o.setLearningRate(0.2);
    expect(o.learningRate).toBe(0.2);
    // SGD has no learning_rate default: the scheduler's base_lr stays.
    const s1 = new FactorScheduler(5, { factor: 0.5, baseLr: 0.4 });
    const sgd = new SGD({ lrScheduler: s1 });
    expect(sgd.lr).toBeNull();
    expect(sgd.learningRate).toBe(0.4);
    expect(() => sgd.setLearningRate(0.1)).toThrow(mx.InvalidArgumentError);
    expect(() => sgd.setLearningRate(0.1)).toThrow(/LRScheduler of the optimizer/);
    // Adam's learning_rate=0.001 default overwrites the scheduler's base_lr, as MXNet.
    const s2 = new FactorScheduler(5, { baseLr: 0.4 });
    new Adam({ lrScheduler: s2 });
    expect(s2.baseLr).toBe(0.001);
    // Ftrl sets its learning rate (default 0.1) after the base: the scheduler keeps its own.
    expect(new Ftrl().learningRate).toBe(0.1);
    const s3 = new FactorScheduler(5, { baseLr: 0.3 });
    new Ftrl({ lrScheduler: s3, learningRate: 0.7 });
    expect(s3.baseLr).toBe(0.3);
    sgd.numUpdate = 11;
    expect(sgd.learningRate).toBeCloseTo(0.1, 15);
  });

  test('paramDict multipliers win over lrMult/wdMult, idx2name gives wd 0 to biases', () => {
    const opt = new SGD({
      learningRate: 1,
      wd: 0.5,
      paramIdx2Name: { 0: 'a_weight', 1: 'a_bias', 2: 'bn_gamma' },
      paramDict: { 3: { name: 'p', lrMult: 3, wdMult: 4 } },
    });
    const probe = opt as unknown as { getLr(i: number): number; getWd(i: number): number };
    expect(opt.wdMult.get('a_bias')).toBe(0);
    expect(opt.wdMult.has('a_weight')).toBe(false);
    expect(opt.wdMult.has('bn_gamma')).toBe(false);
    expect([0, 1, 2, 3, 4].map((i) => probe.getWd(i))).toEqual([0.5, 0, 0.5, 2, 0.5]);
    opt.setLrMult(
      new Map<string | number, number>([
        [0, 7],
        ['a_bias', 0.5],
      ]),
    );
    expect([0, 1, 3, 4].map((i) => probe.getLr(i))).toEqual([7, 0.5, 3, 1]);
    opt.setWdMult({ a_bias: 2 });
    expect(probe.getWd(1)).toBe(1);
  });

  test('update counts start at beginNumUpdate and are kept per index', () => {
    const opt = new Adam({ beginNumUpdate: 10 });
    const w = nd.ones([2]);
    const g = nd.ones([2]);
    const s0 = opt.createState(0, w);
    const s1 = opt.createState(1, w);
    opt.update(0, w, g, s0);
    opt.update(0, w, g, s0);
    opt.update(1, w, g, s1);
    expect(opt.indexUpdateCount.get(0)).toBe(12);
    expect(opt.indexUpdateCount.get(1)).toBe(11);
    expect(opt.numUpdate).toBe(12);
    for (const a of [w, g, ...(s0 as mx.NDArray[]), ...(s1 as mx.NDArray[])]) a.dispose();
  });

  test('SGLD: the gradient step plus MXNet-exact normal noise of scale sqrt(lr)', () => {
    const before = live();
    const opt = new SGLD({ learningRate: 0.04, wd: 0.1, clipGradient: 1, rescaleGrad: 0.5 });
    const w = nd.array([1, -2, 0.5]);
    const grads = [
      [0.5, 3, -4],
      [1, -1, 0],
    ];
    mx.random.seed(42);
    for (const g of grads) {
      const ga = nd.array(g);
      opt.update(0, w, ga, null);
      ga.dispose();
    }
    const got = Array.from(w.dataSync());
    expect(live()).toBe(before + 1);
    // The same noise, drawn again from the same seed.
    mx.random.seed(42);
    const ref = [1, -2, 0.5].map(f);
    const [wd, rs] = [f(0.1), f(0.5)];
    const half = f(-0.04 / 2);
    for (const g of grads) {
      const noise = nd.random.normal({ scale: Math.sqrt(0.04), shape: [3] });
      const z = Array.from(noise.dataSync());
      noise.dispose();
      for (let i = 0; i < 3; i++) {
        const rg = Math.min(1, Math.max(-1, f(g[i] * rs)));
        ref[i] = f(ref[i] + f(f(rg + f(ref[i] * wd)) * half));
        ref[i] = f(ref[i] + z[i]);
      }
    }
    expect(got).toEqual(ref);
    w.dispose();
  });

  test('AdaDelta scales the gradient in place, as MXNet', () => {
    const opt = new AdaDelta({ rescaleGrad: 0.5 });
    const w = nd.ones([2]);
    const g = nd.array([2, 4]);
    const s = opt.createState(0, w);
    const before = live();
    opt.update(0, w, g, s);
    expect(live()).toBe(before);
    expect(Array.from(g.dataSync())).toEqual([1, 2]);
    for (const a of [w, g, ...(s as mx.NDArray[])]) a.dispose();
  });

  test('bad arguments raise typed errors before anything is allocated', () => {
    const before = live();
    expect(() => createOptimizer('nope')).toThrow(mx.InvalidArgumentError);
    expect(() => createOptimizer('nope')).toThrow(
      /Cannot find optimizer nope; the registered optimizers are adadelta, adagrad, adam, adamax, ftml, ftrl, lamb, nadam, nag, rmsprop, sgd, sgld, signum/,
    );
    expect(createOptimizer('SGD', { momentum: 0.9 })).toBeInstanceOf(SGD);
    expect(createOptimizer('RmsProp')).toBeInstanceOf(RMSProp);
    expect(createOptimizer('adagrad')).toBeInstanceOf(AdaGrad);
    expect(createOptimizer('nag')).toBeInstanceOf(NAG);
    expect(() => new SGD({ momentom: 0.9 } as never)).toThrow(/unknown option 'momentom'/);
    expect(() => new SGD({ learningRate: 'x' } as never)).toThrow(/learningRate must be/);
    expect(() => new Adam({ beta1: Number.NaN })).toThrow(mx.InvalidArgumentError);
    expect(() => new SGD({ beginNumUpdate: -1 })).toThrow(/beginNumUpdate/);
    expect(() => new SGD({ lrScheduler: {} as never })).toThrow(/lrScheduler/);
    const w = nd.ones([2]);
    const g3 = nd.ones([3]);
    const adam = new Adam();
    const st = adam.createState(0, w);
    const mid = live();
    expect(() => adam.update(0, w, g3, st)).toThrow(mx.ShapeError);
    expect(adam.numUpdate).toBe(0); // refused before the update was counted
    expect(() => adam.update(0, w, w, null)).toThrow(/state must be the 2 NDArray/);
    expect(() => new AdaGrad({ clipGradient: -1 }).update(0, w, w, w)).toThrow(/clipGradient/);
    expect(live()).toBe(mid);
    for (const a of [w, g3, ...(st as mx.NDArray[])]) a.dispose();
    expect(live()).toBe(before);
  });

  test('registerOptimizer adds a class createOptimizer and the Updater use', () => {
    class Halve extends Optimizer {
      constructor(options?: OptimizerOptions) {
        super(options, [], 0.5);
      }
      update(index: number, weight: mx.NDArray, grad: mx.NDArray, _s: OptimizerState): void {
        this.updateCount(index);
        nd.sgdUpdate(weight, grad, { lr: this.getLr(index), out: weight });
      }
    }
    registerOptimizer('Halve', Halve);
    const opt = createOptimizer('halve');
    expect(opt).toBeInstanceOf(Halve);
    const w = nd.array([1, 2]);
    const u = new Updater(opt);
    u.call(0, nd.array([2, 2]), w);
    expect(Array.from(w.dataSync())).toEqual([0, 1]);
    u.dispose();
  });
});
