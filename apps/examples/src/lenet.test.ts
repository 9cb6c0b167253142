import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, expect, test } from 'vitest';
import { checkLeNetSteps } from './lenet.fixture.js';
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
  await checkLeNetSteps(6, 32);
}, 120_000);

test("LeNet's summary: MXNet's output shapes and parameter counts", () => {
  const before = mx.memory().arrays;
  const net = lenet();
  net.initialize(new mx.init.Xavier());
  const x = mx.nd.ones([1, 1, 28, 28]);
  const log = console.log;
  console.log = () => {};
  let text: string;
  try {
    text = net.summary(x);
  } finally {
    console.log = log;
  }
  // (6*1*5*5 + 6) + (16*6*3*3 + 16) + (400*120 + 120) + (120*84 + 84) + (84*10 + 10)
  expect(text).toContain('Total params: 60170');
  expect(text).toContain('Trainable params: 60170');
  for (const shape of [
    '(1, 6, 24, 24)',
    '(1, 6, 12, 12)',
    '(1, 16, 10, 10)',
    '(1, 16, 5, 5)',
    '(1, 400)',
    '(1, 10)',
  ]) {
    expect(text).toContain(shape);
  }
  x.dispose();
  for (const p of net.collectParams().values()) p.dispose();
  expect(mx.memory().arrays).toBe(before);
});
