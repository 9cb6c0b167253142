import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from './index.js';
import { build, spirals, trainSpirals } from './spirals.fixture.js';

const { autograd } = mx;
const live = () => mx.memory().arrays;

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

describe('a Gluon MLP on 2-class spirals', () => {
  test('Trainer + SoftmaxCrossEntropyLoss reach >= 97% training accuracy with flat memory', async () => {
    expect(await trainSpirals()).toBeGreaterThanOrEqual(0.97);
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
