import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, expect, test } from 'vitest';
import { checkLeNetSteps } from './lenet.fixture.js';
import { syntheticFashion } from './lenet.js';

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
