import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { createWasmBackend } from '../index.js';

let wasm: mx.Backend;
let cpu: mx.Backend;

beforeAll(async () => {
  wasm = await createWasmBackend();
  cpu = await createCpuBackend();
});

const f = Math.fround;
const SPECIALS = [0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, 1e-45, -3.4e38];

/** float32 values with the specials mixed in. */
const values = (n: number, rng: () => number): Float32Array =>
  Float32Array.from({ length: n }, (_, i) =>
    i % 7 === 3 ? SPECIALS[i % SPECIALS.length] : (rng() - 0.5) * 8,
  );

/** A small deterministic generator of numbers in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    return (s >>> 0) / 2 ** 32;
  };
}

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>): boolean =>
  a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]));

describe('fused.wat kernels on the wasm heap', () => {
  test('sgdUpdate (MxtsScaledSub) gives a*decay - b*step rounded as Multiply, Multiply, Sub', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.float({ noNaN: true, noDefaultInfinity: true }),
        fc.float({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        (n, lr, wd, seed) => {
          const rng = lcg(seed);
          const w0 = values(n, rng);
          const g0 = values(n, rng);
          mx.useBackend(wasm);
          const before = mx.memory();
          const w = mx.nd.array(w0);
          const g = mx.nd.array(g0);
          mx.nd.sgdUpdate(w, g, { lr, wd, out: w });
          const got = w.dataSync();
          w.dispose();
          g.dispose();
          expect(mx.memory()).toEqual(before);
          const decay = f(1 - f(f(lr) * f(wd)));
          const step = f(lr);
          const want = w0.map((x, i) =>
            decay === 1 ? f(x - f(g0[i] * step)) : f(f(x * decay) - f(g0[i] * step)),
          );
          return sameBits(got, want);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("relu's gradient (MxtsReluGrad) is g * (x > 0): NaN and Inf of g stay where x <= 0", () => {
    const rng = lcg(7);
    for (const n of [1, 3, 4, 5, 63, 64, 1001]) {
      const x0 = values(n, rng);
      const g0 = values(n, rng).reverse();
      mx.useBackend(wasm);
      const before = mx.memory();
      const x = mx.nd.array(x0);
      const head = mx.nd.array(g0);
      x.attachGrad();
      const y = mx.autograd.record(() => mx.nd.relu(x));
      y.backward(head);
      const got = x.grad.dataSync();
      for (const a of [x, head, y]) a.dispose();
      expect(mx.memory()).toEqual(before);
      const want = g0.map((g, i) => f(g * (x0[i] > 0 ? 1 : 0)));
      expect(sameBits(got, want), `n=${n}`).toBe(true);
    }
  });

  test('an MLP step gives the same bits on wasm (fused) as on cpu (TF.js kernels)', () => {
    const step = (b: mx.Backend) => {
      mx.useBackend(b);
      const before = mx.memory().arrays;
      mx.random.seed(1);
      const x = mx.nd.random.uniform({ shape: [5, 7], low: -1, high: 1 });
      const w = mx.nd.random.normal({ shape: [3, 7], scale: 0.5 });
      const label = mx.nd.array([0, 2, 1, 1, 2]);
      w.attachGrad();
      const loss = mx.autograd.record(() =>
        mx.nd.mean(
          mx.nd.negative(
            mx.nd.pick(mx.nd.logSoftmax(mx.nd.relu(mx.nd.dot(x, w, { transposeB: true }))), label),
          ),
        ),
      );
      loss.backward();
      mx.nd.sgdUpdate(w, w.grad, { lr: 0.3, wd: 0.01, out: w });
      const out = Array.from(w.dataSync());
      for (const a of [x, w, label, loss]) a.dispose();
      expect(mx.memory().arrays).toBe(before);
      return out;
    };
    const a = step(wasm);
    const b = step(cpu);
    // Products sum in another order on each engine, so compare with a tolerance.
    for (let i = 0; i < a.length; i++) {
      expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(b[i]));
    }
  });
});
