// Test fixture (not built or published): the spirals problem and its training loop, shared
// by the per-backend spirals tests.
import * as mx from '@mxts/core';
import { expect } from 'vitest';
import * as gluon from './index.js';

const { nn } = gluon;
const live = () => mx.memory().arrays;

/** Two interleaved spirals, 1.25 turns each: class k at angle 2.5πt + kπ, radius 4t. */
export function spirals(perClass: number): { X: Float32Array; y: Float32Array } {
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

/** A 2-32-32-2 relu MLP. */
export function build(): gluon.nn.HybridSequential {
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

/** Training accuracy of `net` on X (host labels y). */
export async function accuracy(net: gluon.Block, X: mx.NDArray, y: Float32Array): Promise<number> {
  const out = net.forward(X) as mx.NDArray;
  const o = await out.data();
  out.dispose();
  let ok = 0;
  for (let i = 0; i < y.length; i++) if ((o[2 * i + 1] > o[2 * i] ? 1 : 0) === y[i]) ok++;
  return ok / y.length;
}

/**
 * Trains the MLP with Trainer('sgd') + SoftmaxCrossEntropyLoss, each step in mx.scope; checks
 * that live arrays after step 10 equal those after the last step. Returns the accuracy.
 */
export async function trainSpirals(epochs = 40): Promise<number> {
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
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const [data, label] of loader) {
      mx.scope(() => {
        const l = mx.autograd.record(() => lossFn.forward(net.forward(data), label));
        l.backward();
        trainer.step(data.shape[0]);
      });
      data.dispose();
      label.dispose();
      if (++steps === 10) liveAt10 = live();
    }
  }
  expect(live()).toBe(liveAt10);
  const acc = await accuracy(net, Xa, y);
  Xa.dispose();
  ya.dispose();
  for (const p of net.collectParams().values()) p.dispose();
  trainer.dispose();
  expect(live()).toBe(before);
  return acc;
}
