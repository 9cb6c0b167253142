import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, expect, test } from 'vitest';
import { POINTS, tanhDerivatives } from './higher-order.js';

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

// The closed forms, in float64: with t = tanh(x), t' = 1 - t², and each next derivative is
// the derivative of a polynomial in t times t'.
function closedForms(x: number): number[] {
  const t = Math.tanh(x);
  const s = 1 - t * t;
  return [t, s, -2 * t * s, -2 * s * (1 - 3 * t * t), 8 * t * s * (2 - 3 * t * t)];
}

test("tanh's derivatives to the fourth order match their closed forms", async () => {
  const before = mx.memory().arrays;
  const rows = await tanhDerivatives(POINTS, 4);
  expect(mx.memory().arrays).toBe(before);
  expect(rows).toHaveLength(5);
  POINTS.forEach((x, j) => {
    const want = closedForms(x);
    for (let k = 0; k <= 4; k++) {
      const got = rows[k][j];
      expect(Number.isFinite(got)).toBe(true);
      // float32 through four chained backward passes: a few ulps per pass.
      expect(Math.abs(got - want[k])).toBeLessThanOrEqual(1e-5 + 1e-4 * Math.abs(want[k]));
    }
  });
  // A value to read off MXNet's docs by hand: tanh'''(0) = -2.
  const at0 = POINTS.indexOf(0);
  expect(rows[3][at0]).toBeCloseTo(-2, 5);
}, 60_000);

test('a lower order returns fewer rows', async () => {
  const before = mx.memory().arrays;
  const rows = await tanhDerivatives([0.3], 2);
  expect(mx.memory().arrays).toBe(before);
  expect(rows.map((r) => r.length)).toEqual([1, 1, 1]);
  expect(rows[2][0]).toBeCloseTo(closedForms(0.3)[2], 5);
});
