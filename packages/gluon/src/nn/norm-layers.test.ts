import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from '../index.js';
import { closeWithin, disposeAll, live, values } from '../test-support.fixture.js';

// BatchNorm, LayerNorm, InstanceNorm and Embedding against float64 formulas written here
// from MXNet's operator docs: BatchNorm normalizes with the batch's mean and biased variance
// in training and updates moving = moving * momentum + batch * (1 - momentum); in prediction
// it normalizes with the moving statistics.

const { nn } = gluon;
const { autograd } = mx;

const close = closeWithin(1e-5, 1e-5);

const seq = (n: number, a: number, b = 0.3) =>
  Array.from({ length: n }, (_, i) => Math.fround(Math.sin(i * a + b) * 1.5 + 0.4));

/** Index lists of each channel of an (N, C, S) layout flattened row-major, channel axis 1. */
function byChannel(shape: number[], axis: number): number[][] {
  const c = shape[axis];
  const inner = shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const total = shape.reduce((p, d) => p * d, 1);
  const out = Array.from({ length: c }, () => [] as number[]);
  for (let i = 0; i < total; i++) out[Math.floor(i / inner) % c].push(i);
  return out;
}

const meanOf = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
const varOf = (xs: number[]) => {
  const m = meanOf(xs);
  return xs.reduce((s, v) => s + (v - m) ** 2, 0) / xs.length;
};

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

describe('nn.BatchNorm', () => {
  const shape = [4, 3, 2, 2];
  const X = seq(48, 0.7);
  const G = [1.5, 0.5, -1];
  const B = [0.1, -0.2, 0.3];

  test("MXNet's names, gradReq, initial values, deferred channels and repr", async () => {
    const before = live();
    const net = new nn.HybridSequential({ prefix: 'net_' });
    net.nameScope(() => {
      net.add(new nn.Conv2D(3, 1, { inChannels: 2 }), new nn.BatchNorm());
    });
    const bn = [...net._children.values()][1] as gluon.nn.BatchNorm;
    const names = [...net.collectParams().keys()];
    expect(names).toEqual([
      'net_conv0_weight',
      'net_conv0_bias',
      'net_batchnorm0_gamma',
      'net_batchnorm0_beta',
      'net_batchnorm0_running_mean',
      'net_batchnorm0_running_var',
    ]);
    expect(bn.gamma.shape).toEqual([0]);
    expect([bn.gamma, bn.beta, bn.runningMean, bn.runningVar].map((p) => p.gradReq)).toEqual([
      'write',
      'write',
      'null',
      'null',
    ]);
    expect(String(bn)).toBe(
      'BatchNorm(axis=1, eps=1e-05, momentum=0.9, fix_gamma=False, use_global_stats=False, in_channels=None)',
    );
    net.initialize();
    const x = mx.nd.array(seq(2 * 2 * 3 * 3, 0.3), { shape: [2, 2, 3, 3] });
    const y = net.forward(x);
    expect(y.shape).toEqual([2, 3, 3, 3]);
    expect(bn.runningVar.shape).toEqual([3]);
    expect(values(bn.gamma.data())).toEqual([1, 1, 1]);
    expect(values(bn.beta.data())).toEqual([0, 0, 0]);
    expect(values(bn.runningMean.data())).toEqual([0, 0, 0]);
    expect(values(bn.runningVar.data())).toEqual([1, 1, 1]);
    // saveParameters writes MXNet's structural names.
    const dir = mkdtempSync(join(tmpdir(), 'bn-'));
    try {
      await net.saveParameters(join(dir, 'net.params'));
      const saved = (await mx.nd.load(join(dir, 'net.params'))) as Record<string, mx.NDArray>;
      expect(Object.keys(saved).sort()).toEqual([
        '0.bias',
        '0.weight',
        '1.beta',
        '1.gamma',
        '1.running_mean',
        '1.running_var',
      ]);
      for (const a of Object.values(saved)) a.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    x.dispose();
    y.dispose();
    disposeAll(net);
    expect(live()).toBe(before);
  });

  test('training: batch statistics, running statistics updated by MXNet rule, gradients', () => {
    const before = live();
    const bn = new nn.BatchNorm({ momentum: 0.8, epsilon: 1e-3 });
    bn.initialize();
    const x = mx.nd.array(X, { shape });
    bn.forward(x).dispose(); // prediction mode: infers channels, leaves statistics alone
    x.attachGrad();
    expect(values(bn.runningMean.data())).toEqual([0, 0, 0]);
    const g = mx.nd.array(G);
    const b = mx.nd.array(B);
    bn.gamma.setData(g);
    bn.beta.setData(b);
    const H = seq(48, 1.3, 0.2);
    const head = mx.nd.array(H, { shape });
    const chans = byChannel(shape, 1);
    let rm = [0, 0, 0];
    let rv = [1, 1, 1];
    for (let step = 0; step < 2; step++) {
      const y = autograd.record(() => bn.forward(x));
      y.backward(head);
      const expected = new Array<number>(48);
      const dx = new Array<number>(48);
      const dGamma: number[] = [];
      const dBeta: number[] = [];
      chans.forEach((idx, c) => {
        const xs = idx.map((i) => X[i]);
        const m = meanOf(xs);
        const v = varOf(xs);
        const xhat = idx.map((i) => (X[i] - m) / Math.sqrt(v + 1e-3));
        idx.forEach((i, k) => {
          expected[i] = xhat[k] * G[c] + B[c];
        });
        const sumH = idx.reduce((s, i) => s + H[i], 0);
        const sumHx = idx.reduce((s, i, k) => s + H[i] * xhat[k], 0);
        dGamma.push(sumHx);
        dBeta.push(sumH);
        // d/dx of batch normalization: gamma/(N*std) * (N*h - sum(h) - xhat*sum(h*xhat)).
        const nC = idx.length;
        idx.forEach((i, k) => {
          dx[i] = (G[c] / (nC * Math.sqrt(v + 1e-3))) * (nC * H[i] - sumH - xhat[k] * sumHx);
        });
        rm[c] = rm[c] * 0.8 + m * 0.2;
        rv[c] = rv[c] * 0.8 + v * 0.2;
      });
      close(values(y), expected);
      close(values(bn.gamma.grad()), dGamma);
      close(values(bn.beta.grad()), dBeta);
      close(values(x.grad!), dx, 1e-4, 1e-5);
      close(values(bn.runningMean.data()), rm);
      close(values(bn.runningVar.data()), rv);
      y.dispose();
    }
    rm = [...rm];
    rv = [...rv];

    // Prediction (outside record) normalizes with the running statistics, updating nothing.
    const p = bn.forward(x);
    const expected = new Array<number>(48);
    chans.forEach((idx, c) => {
      for (const i of idx) expected[i] = ((X[i] - rm[c]) / Math.sqrt(rv[c] + 1e-3)) * G[c] + B[c];
    });
    close(values(p), expected);
    close(values(bn.runningMean.data()), rm);
    // Inference inside record (trainMode false) is prediction too.
    const q = autograd.record(() => bn.forward(x), { trainMode: false });
    close(values(q), expected);
    close(values(bn.runningVar.data()), rv);
    for (const a of [x.grad!, x, g, b, head, p, q]) a.dispose();
    disposeAll(bn);
    expect(live()).toBe(before);
  });

  test('useGlobalStats, scale false, center false, axis -1', () => {
    const before = live();
    const x = mx.nd.array(X, { shape });
    const chans = byChannel(shape, 1);
    const rmArr = mx.nd.array([0.5, -0.5, 1]);
    const rvArr = mx.nd.array([2, 0.5, 1.5]);

    const glob = new nn.BatchNorm({ useGlobalStats: true, inChannels: 3 });
    glob.initialize();
    glob.runningMean.setData(rmArr);
    glob.runningVar.setData(rvArr);
    const y = autograd.record(() => glob.forward(x));
    const expected = new Array<number>(48);
    chans.forEach((idx, c) => {
      const m = [0.5, -0.5, 1][c];
      const v = [2, 0.5, 1.5][c];
      for (const i of idx) expected[i] = (X[i] - m) / Math.sqrt(v + 1e-5);
    });
    close(values(y), expected);
    close(values(glob.runningMean.data()), [0.5, -0.5, 1]);

    // scale false: gamma is treated as 1 and gets no gradient; center false: beta frozen.
    const fixed = new nn.BatchNorm({ scale: false, center: false, inChannels: 3 });
    fixed.initialize();
    expect(fixed.gamma.gradReq).toBe('null');
    expect(fixed.beta.gradReq).toBe('null');
    const g3 = mx.nd.array([3, 3, 3]);
    fixed.gamma.setData(g3);
    const z = autograd.record(() => fixed.forward(x));
    const zExp = new Array<number>(48);
    chans.forEach((idx) => {
      const xs = idx.map((i) => X[i]);
      const m = meanOf(xs);
      const v = varOf(xs);
      for (const i of idx) zExp[i] = (X[i] - m) / Math.sqrt(v + 1e-5);
    });
    close(values(z), zExp);
    expect(String(fixed)).toContain('fix_gamma=True');

    // Channels last: axis -1 normalizes per entry of the last axis.
    const last = new nn.BatchNorm({ axis: -1 });
    last.initialize();
    const w = autograd.record(() => last.forward(x));
    expect(last.gamma.shape).toEqual([2]);
    const lastChans = byChannel(shape, 3);
    const wExp = new Array<number>(48);
    lastChans.forEach((idx) => {
      const xs = idx.map((i) => X[i]);
      const m = meanOf(xs);
      const v = varOf(xs);
      for (const i of idx) wExp[i] = (X[i] - m) / Math.sqrt(v + 1e-5);
    });
    close(values(w), wExp);
    close(
      values(last.runningMean.data()),
      lastChans.map((idx) => 0.1 * meanOf(idx.map((i) => X[i]))),
    );
    for (const a of [x, rmArr, rvArr, y, g3, z, w]) a.dispose();
    for (const blk of [glob, fixed, last]) disposeAll(blk);
    expect(live()).toBe(before);
  });

  test('the Trainer updates gamma and beta, never the running statistics; memory is flat', () => {
    const before = live();
    const net = new nn.HybridSequential();
    net.add(new nn.Conv2D(4, 3, { padding: 1 }), new nn.BatchNorm(), new nn.Dense(2));
    net.initialize(new mx.init.Xavier());
    const bn = [...net._children.values()][1] as gluon.nn.BatchNorm;
    const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.5 });
    const lossFn = new gluon.loss.SoftmaxCrossEntropyLoss();
    const x = mx.nd.array(seq(4 * 2 * 5 * 5, 0.45), { shape: [4, 2, 5, 5] });
    const label = mx.nd.array([0, 1, 1, 0]);
    net.forward(x).dispose(); // deferred initialization
    const counts: number[] = [];
    for (let step = 0; step < 4; step++) {
      mx.scope(() => {
        const rmBefore = values(bn.runningMean.data());
        const gammaBefore = values(bn.gamma.data());
        // The batch statistics of the BatchNorm input, computed from the conv's output.
        const conv = [...net._children.values()][0] as gluon.nn.Conv2D;
        const h = values(conv.forward(x));
        const loss = autograd.record(() => lossFn.forward(net.forward(x), label));
        loss.backward();
        trainer.step(4);
        const chans = byChannel([4, 4, 5, 5], 1);
        close(
          values(bn.runningMean.data()),
          chans.map((idx, c) => rmBefore[c] * 0.9 + 0.1 * meanOf(idx.map((i) => h[i]))),
          1e-4,
          1e-5,
        );
        const gammaAfter = values(bn.gamma.data());
        expect(gammaAfter.some((v, i) => v !== gammaBefore[i])).toBe(true);
      });
      counts.push(live());
    }
    expect(new Set(counts).size).toBe(1);
    x.dispose();
    label.dispose();
    trainer.dispose();
    disposeAll(net);
    expect(live()).toBe(before);
  });

  test('bad arguments are typed errors', () => {
    expect(() => new nn.BatchNorm({ momentum: 2 })).toThrow(mx.InvalidArgumentError);
    expect(() => new nn.BatchNorm({ epsilon: -1 })).toThrow(mx.InvalidArgumentError);
    expect(() => new nn.BatchNorm({ inChannels: -3 })).toThrow(mx.InvalidArgumentError);
    const bn = new nn.BatchNorm({ axis: 4 });
    bn.initialize();
    const x = mx.nd.ones([2, 3]);
    expect(() => bn.forward(x)).toThrow(mx.ShapeError);
    x.dispose();
  });
});

describe('nn.LayerNorm, nn.InstanceNorm, nn.Embedding', () => {
  test('LayerNorm: forward and gradients equal float64 formulas; deferred length', () => {
    const before = live();
    const shape = [3, 2, 4];
    const X = seq(24, 0.9);
    const ln = new nn.LayerNorm({ prefix: 'ln_' });
    expect([...ln.collectParams().keys()]).toEqual(['ln_gamma', 'ln_beta']);
    ln.initialize();
    const x = mx.nd.array(X, { shape });
    ln.forward(x).dispose();
    expect(ln.gamma.shape).toEqual([4]);
    const G = [1.2, -0.7, 0.5, 2];
    const B = [0, 0.1, -0.1, 0.2];
    const g = mx.nd.array(G);
    const b = mx.nd.array(B);
    ln.gamma.setData(g);
    ln.beta.setData(b);
    const H = seq(24, 1.7, 0.1);
    const head = mx.nd.array(H, { shape });
    x.attachGrad();
    const y = autograd.record(() => ln.forward(x));
    y.backward(head);
    const expected: number[] = [];
    const dx: number[] = [];
    const dG = [0, 0, 0, 0];
    const dB = [0, 0, 0, 0];
    for (let r = 0; r < 6; r++) {
      const row = X.slice(r * 4, r * 4 + 4);
      const m = meanOf(row);
      const s = Math.sqrt(varOf(row) + 1e-5);
      const xhat = row.map((v) => (v - m) / s);
      // g = head * gamma; dx = (g - mean(g) - xhat * mean(g * xhat)) / std.
      const gr = row.map((_, j) => H[r * 4 + j] * G[j]);
      const mg = meanOf(gr);
      const mgx = meanOf(gr.map((v, j) => v * xhat[j]));
      row.forEach((_, j) => {
        expected.push(xhat[j] * G[j] + B[j]);
        dG[j] += H[r * 4 + j] * xhat[j];
        dB[j] += H[r * 4 + j];
        dx.push((gr[j] - mg - xhat[j] * mgx) / s);
      });
    }
    close(values(y), expected);
    close(values(x.grad!), dx, 1e-4, 1e-5);
    close(values(ln.gamma.grad()), dG);
    close(values(ln.beta.grad()), dB);
    expect(String(ln)).toBe(
      'LayerNorm(eps=1e-05, axis=-1, center=True, scale=True, in_channels=4)',
    );
    // axis 1 with center false: beta is frozen.
    const ln1 = new nn.LayerNorm({ axis: 1, center: false });
    ln1.initialize();
    const z = ln1.forward(x);
    expect(ln1.beta.gradReq).toBe('null');
    expect(ln1.gamma.shape).toEqual([2]);
    const zExp = new Array<number>(24);
    for (let n = 0; n < 3; n++)
      for (let k = 0; k < 4; k++) {
        const idx = [0, 1].map((c) => n * 8 + c * 4 + k);
        const col = idx.map((i) => X[i]);
        for (const i of idx) zExp[i] = (X[i] - meanOf(col)) / Math.sqrt(varOf(col) + 1e-5);
      }
    close(values(z), zExp);
    for (const a of [x.grad!, x, g, b, head, y, z]) a.dispose();
    disposeAll(ln);
    disposeAll(ln1);
    expect(live()).toBe(before);
  });

  test('InstanceNorm: per-sample, per-channel statistics over spatial axes', () => {
    const before = live();
    const shape = [2, 3, 5];
    const X = seq(30, 0.55);
    const inorm = new nn.InstanceNorm({ scale: true });
    inorm.initialize();
    const x = mx.nd.array(X, { shape });
    inorm.forward(x).dispose();
    expect(inorm.gamma.shape).toEqual([3]);
    const G = [2, 0.5, -1];
    const g = mx.nd.array(G);
    inorm.gamma.setData(g);
    const y = autograd.record(() => inorm.forward(x));
    y.backward();
    const expected: number[] = [];
    for (let r = 0; r < 6; r++) {
      const row = X.slice(r * 5, r * 5 + 5);
      const m = meanOf(row);
      const s = Math.sqrt(varOf(row) + 1e-5);
      for (const v of row) expected.push(((v - m) / s) * G[r % 3]);
    }
    close(values(y), expected);
    // d(sum y)/d beta = number of elements per channel.
    close(values(inorm.beta.grad()), [10, 10, 10]);
    // Channels last (axis 2) gives the transposed result.
    const last = new nn.InstanceNorm({ axis: 2 });
    last.initialize();
    const xt = mx.nd.transpose(x, { axes: [0, 2, 1] });
    const z = last.forward(xt);
    const zt = mx.nd.transpose(z, { axes: [0, 2, 1] });
    close(
      values(zt),
      expected.map((v, i) => v / G[Math.floor(i / 5) % 3]),
    );
    const two = mx.nd.ones([2, 3]);
    expect(() => last.forward(two)).toThrow(mx.ShapeError);
    for (const a of [x, g, y, xt, z, zt, two]) a.dispose();
    disposeAll(inorm);
    disposeAll(last);
    expect(live()).toBe(before);
  });

  test('Embedding: rows of the weight, summed gradients, names and repr', () => {
    const before = live();
    const emb = new nn.Embedding(5, 3, { prefix: 'emb_' });
    expect(emb.weight.name).toBe('emb_weight');
    expect(emb.weight.shape).toEqual([5, 3]);
    expect(String(emb)).toBe('Embedding(5 -> 3, float32)');
    emb.initialize();
    const Wt = seq(15, 0.8);
    const w = mx.nd.array(Wt, { shape: [5, 3] });
    emb.weight.setData(w);
    const idx = [
      [4, 0],
      [4, 2],
    ];
    const x = mx.nd.array(idx);
    const y = autograd.record(() => emb.forward(x));
    y.backward();
    expect(y.shape).toEqual([2, 2, 3]);
    close(
      values(y),
      idx.flat().flatMap((i) => Wt.slice(i * 3, i * 3 + 3)),
    );
    close(values(emb.weight.grad()), [1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 2, 2, 2]);
    expect(() => new nn.Embedding(0, 3)).toThrow(mx.InvalidArgumentError);
    for (const a of [w, x, y]) a.dispose();
    disposeAll(emb);
    expect(live()).toBe(before);
  });
});
