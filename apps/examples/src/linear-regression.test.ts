import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, expect, test } from 'vitest';
import { linearRegression, TRUE_B, TRUE_W } from './linear-regression.js';

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

test('linear regression recovers w = [2, -3.4] and b = 4.2 within 0.05, freeing its arrays', async () => {
  const before = mx.memory().arrays;
  const epochs: number[] = [];
  const r = await linearRegression({ onEpoch: (e) => epochs.push(e) });
  expect(mx.memory().arrays).toBe(before);
  expect(epochs).toEqual([1, 2, 3]);
  expect(r.w).toHaveLength(2);
  expect(Math.abs(r.w[0] - TRUE_W[0])).toBeLessThan(0.05);
  expect(Math.abs(r.w[1] - TRUE_W[1])).toBeLessThan(0.05);
  expect(Math.abs(r.b - TRUE_B)).toBeLessThan(0.05);
  // The noise is N(0, 0.01²), so the halved squared loss of the truth is about 5e-5: after
  // three epochs the fit is that good, and each epoch's loss is below the one before.
  expect(r.losses.every(Number.isFinite)).toBe(true);
  expect(r.losses[2]).toBeLessThan(2e-4);
  expect(r.losses[1]).toBeLessThan(r.losses[0]);
}, 120_000);

test('one epoch of a few minibatches leaves w and b far from the truth (the check can fail)', async () => {
  const before = mx.memory().arrays;
  const r = await linearRegression({ samples: 20, epochs: 1 });
  expect(mx.memory().arrays).toBe(before);
  expect(Math.abs(r.b - TRUE_B)).toBeGreaterThan(0.5);
}, 120_000);
