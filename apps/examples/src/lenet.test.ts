import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import * as gluon from '@mxts/gluon';
import { beforeAll, expect, test } from 'vitest';
import { lenet, syntheticFashion } from './lenet.js';

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

test('the synthetic set is deterministic, in Fashion-MNIST layout, all classes present', () => {
  const before = mx.memory().arrays;
  const a = syntheticFashion(200, 7);
  const b = syntheticFashion(200, 7);
  expect(a.images.shape).toEqual([200, 28, 28, 1]);
  expect(a.labels.dtype).toBe('int32');
  const pa = a.images.dataSync();
  expect(Array.from(pa)).toEqual(Array.from(b.images.dataSync()));
  expect(pa.every((v) => v >= 0 && v <= 255 && Number.isInteger(v))).toBe(true);
  expect(new Set(a.labels.dataSync()).size).toBe(10);
  for (const x of [a.images, a.labels, b.images, b.labels]) x.dispose();
  expect(mx.memory().arrays).toBe(before);
});

test('LeNet trains on cpu: MXNet names and shapes, the loss falls, live arrays stay flat', async () => {
  const before = mx.memory().arrays;
  mx.random.seed(0);
  const net = lenet();
  net.initialize(new mx.init.Xavier());
  const lossFn = new gluon.loss.SoftmaxCrossEntropyLoss();
  const trainer = new gluon.Trainer(net.collectParams(), 'sgd', { learningRate: 0.1 });
  const transformer = new gluon.data.vision.transforms.Compose([
    new gluon.data.vision.transforms.ToTensor(),
    new gluon.data.vision.transforms.Normalize(0.13, 0.31),
  ]);
  const { images, labels } = syntheticFashion(32, 3);
  const acc = new gluon.metric.Accuracy();
  const losses: number[] = [];
  const live: number[] = [];
  for (let step = 0; step < 6; step++) {
    const l = await mx.scope(async () => {
      const x = transformer.forward(images) as mx.NDArray;
      const [out, loss] = mx.autograd.record(() => {
        const out = net.forward(x) as mx.NDArray;
        return [out, lossFn.forward(out, labels)];
      });
      loss.backward();
      trainer.step(32);
      await acc.update([labels], [out]);
      return mx.nd.mean(loss).asscalar();
    });
    losses.push(l);
    live.push(mx.memory().arrays);
  }
  const params = [...net.collectParams()].map(([k, p]) => [
    k.replace(/^sequential\d+_/, ''),
    p.shape,
  ]);
  expect(params).toEqual([
    ['conv0_weight', [6, 1, 5, 5]],
    ['conv0_bias', [6]],
    ['conv1_weight', [16, 6, 3, 3]],
    ['conv1_bias', [16]],
    ['dense0_weight', [120, 400]],
    ['dense0_bias', [120]],
    ['dense1_weight', [84, 120]],
    ['dense1_bias', [84]],
    ['dense2_weight', [10, 84]],
    ['dense2_bias', [10]],
  ]);
  for (const l of losses) expect(Number.isFinite(l)).toBe(true);
  // Repeated steps on one batch: the loss must fall clearly.
  expect(losses[5]).toBeLessThan(losses[0] * 0.9);
  expect(new Set(live).size).toBe(1);
  images.dispose();
  labels.dispose();
  trainer.dispose();
  for (const p of net.collectParams().values()) p.dispose();
  expect(mx.memory().arrays).toBe(before);
}, 120_000);
