import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, expect, test } from 'vitest';
import { EXTENT, SpiralsTrainer, spiralPoints } from './spirals.js';

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

test('the spirals: class k at angle 2.5πt + kπ, radius 4t, inside the plotted square', () => {
  const { X, y } = spiralPoints(50);
  expect(X).toHaveLength(200);
  expect(Array.from(y.slice(0, 50)).every((v) => v === 0)).toBe(true);
  expect(Array.from(y.slice(50)).every((v) => v === 1)).toBe(true);
  // The last point of class 1: t = 1, angle 2.5π + π, radius 4.
  const a = 3.5 * Math.PI;
  expect(X[198]).toBeCloseTo(4 * Math.cos(a), 5);
  expect(X[199]).toBeCloseTo(4 * Math.sin(a), 5);
  expect(Array.from(X).every((v) => Math.abs(v) <= EXTENT)).toBe(true);
});

test('the playground MLP halves its loss, separates the spirals, and keeps memory flat', async () => {
  const before = mx.memory().arrays;
  const t = new SpiralsTrainer();
  const losses: number[] = [];
  let live = -1;
  for (let i = 0; i < 300; i++) {
    const r = await t.step();
    expect(Number.isFinite(r.loss)).toBe(true);
    expect(r.ms).toBeGreaterThanOrEqual(0);
    losses.push(r.loss);
    // From the second step on (Adam's states exist), each step leaves exactly what it found.
    if (i === 1) live = mx.memory().arrays;
    if (i > 1) expect(mx.memory().arrays).toBe(live);
  }
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  // ln 2 ≈ 0.693 is a coin flip: the first steps are near it, the last well under half.
  expect(mean(losses.slice(0, 10))).toBeGreaterThan(0.5);
  expect(mean(losses.slice(-20))).toBeLessThan(mean(losses.slice(0, 10)) / 2);
  expect(await t.accuracy()).toBeGreaterThan(0.9);
  const g = await t.grid(8);
  expect(g).toHaveLength(64);
  expect(Array.from(g).every((p) => p >= 0 && p <= 1)).toBe(true);
  expect(mx.memory().arrays).toBe(live);
  t.dispose();
  expect(mx.memory().arrays).toBe(before);
}, 120_000);
