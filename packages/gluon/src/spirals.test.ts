import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from './index.js';

const { nn, autograd } = { nn: gluon.nn, autograd: mx.autograd };
const live = () => mx.memory().arrays;

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

/** Two interleaved spirals, 1.25 turns each: class k at angle 2.5πt + kπ, radius 4t. */
function spirals(perClass: number): { X: Float32Array; y: Float32Array } {
  const X = new Float32Array(2 * perClass * 2);
  const y = new Float32Array(2 * perClass);
  for (let k = 0; k < 2; k++) {
    for (let i = 0; i < perClass; i++) {
      const t = 0.1 + (0.9 * i) / (perClass - 1);
      const a = 2.5 * Math.PI * t + k * Math.PI;
      const n = k * perClass + i;
      X[2 * n] = 4 * t * Math.cos(a);
      X[2 * n + 1] = 4 * t * Math.sin(a);
      y[n] = k;
    }
  }
  return { X, y };
}

function build(): gluon.nn.HybridSequential {
  const net = new nn.HybridSequential();
  net.nameScope(() =>
    net.add(
      new nn.Dense(32, { activation: 'relu' }),
      new nn.Dense(32, { activation: 'relu' }),
      new nn.Dense(2),
    ),
  );
  return net;
}

function accuracy(net: gluon.Block, X: mx.NDArray, y: Float32Array): number {
  return mx.scope(() => {
    const out = (net.forward(X) as mx.NDArray).dataSync();
    let ok = 0;
    for (let i = 0; i < y.length; i++) if ((out[2 * i + 1] > out[2 * i] ? 1 : 0) === y[i]) ok++;
    return ok / y.length;
  });
}

describe('a Gluon MLP on 2-class spirals', () => {
  test('Trainer + SoftmaxCrossEntropyLoss reach >= 97% training accuracy with flat memory', () => {
    const { X, y } = spirals(100);
    const before = live();
    const Xa = mx.nd.array(X, { shape: [200, 2] });
    const ya = mx.nd.array(y);
    const loader = new gluon.data.DataLoader(new gluon.data.ArrayDataset(Xa, ya), {
      batchSize: 20,
      shuffle: true,
    });
    gluon.data.numpyRandom.seed(0);
    mx.random.seed(0);
    const net = build();
    net.initialize(new mx.init.Xavier());
    const lossFn = new gluon.loss.SoftmaxCrossEntropyLoss();
    const trainer = new gluon.Trainer(net.collectParams(), 'sgd', {
      learningRate: 0.1,
      momentum: 0.9,
    });
    let steps = 0;
    let liveAt10 = 0;
    const t0 = Date.now();
    for (let epoch = 0; epoch < 40; epoch++) {
      for (const [data, label] of loader) {
        mx.scope(() => {
          const l = autograd.record(() => lossFn.forward(net.forward(data), label));
          l.backward();
          trainer.step(data.shape[0]);
        });
        data.dispose();
        label.dispose();
        if (++steps === 10) liveAt10 = live();
      }
    }
    const acc = accuracy(net, Xa, y);
    console.log(`spirals: ${steps} steps in ${Date.now() - t0} ms, accuracy ${acc}`);
    expect(live()).toBe(liveAt10);
    expect(acc).toBeGreaterThanOrEqual(0.97);
    Xa.dispose();
    ya.dispose();
    for (const p of net.collectParams().values()) p.dispose();
    trainer.dispose();
    expect(live()).toBe(before);
  });

  test('without mx.scope, the callback-form record frees the graph: memory is flat when the loop frees its own arrays', () => {
    const { X, y } = spirals(50);
    const before = live();
    const Xa = mx.nd.array(X, { shape: [100, 2] });
    const ya = mx.nd.array(y);
    const loader = new gluon.data.DataLoader(new gluon.data.ArrayDataset(Xa, ya), {
      batchSize: 25,
      lastBatch: 'discard',
    });
    const net = build();
    net.initialize();
    const lossFn = new gluon.loss.SoftmaxCrossEntropyLoss();
    const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.05 });
    let steps = 0;
    let liveAt10 = 0;
    for (let epoch = 0; epoch < 8; epoch++) {
      for (const [data, label] of loader) {
        const l = autograd.record(() => lossFn.forward(net.forward(data), label));
        l.backward();
        trainer.step(data.shape[0]);
        for (const a of [l, data, label]) a.dispose();
        if (++steps === 10) liveAt10 = live();
      }
    }
    expect(steps).toBe(32);
    expect(live()).toBe(liveAt10);
    Xa.dispose();
    ya.dispose();
    for (const p of net.collectParams().values()) p.dispose();
    trainer.dispose();
    expect(live()).toBe(before);
  });
});
