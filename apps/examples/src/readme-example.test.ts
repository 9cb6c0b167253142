import { readFile } from 'node:fs/promises';
import * as mx from '@mxts/core';
import { expect, test, vi } from 'vitest';

const here = new URL('.', import.meta.url);
const MARKER = '<!-- example: apps/examples/src/readme-example.ts -->';

test("the README's training example is readme-example.ts, verbatim", async () => {
  const readme = await readFile(new URL('../../../README.md', here), 'utf8');
  const file = await readFile(new URL('readme-example.ts', here), 'utf8');
  const at = readme.indexOf(MARKER);
  expect(at, `README.md has no ${MARKER}`).toBeGreaterThanOrEqual(0);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  expect(block?.[1]).toBe(file);
});

test('the README example trains: w ≈ [2, -3.4], b ≈ 4.2, and each step frees what it made', async () => {
  const logs: unknown[][] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
    logs.push(a);
  });
  const before = mx.memory().arrays;
  try {
    await import('./readme-example.js');
  } finally {
    spy.mockRestore();
  }
  expect(logs).toHaveLength(1);
  const [w, b] = logs[0] as [Float32Array, Float32Array];
  expect(Math.abs(w[0] - 2)).toBeLessThan(1e-3);
  expect(Math.abs(w[1] + 3.4)).toBeLessThan(1e-3);
  expect(Math.abs(b[0] - 4.2)).toBeLessThan(1e-3);
  // What the script made outside a scope: X, the true w, X·w, y, w, b and the two
  // gradients; the 100 steps left nothing behind.
  expect(mx.memory().arrays - before).toBe(8);
}, 60_000);
