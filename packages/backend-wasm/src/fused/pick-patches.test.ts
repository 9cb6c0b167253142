import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createWasmBackend } from '../index.js';

let wasm: mx.Backend;
let cpu: mx.Backend;

beforeAll(async () => {
  wasm = await createWasmBackend();
  cpu = await createCpuBackend();
});

type Case = {
  shape: number[];
  axis: number;
  keepdims: boolean;
  index: number[];
  dtype: 'float32' | 'int32';
};

const CASES: Case[] = [
  {
    shape: [4, 5],
    axis: -1,
    keepdims: false,
    index: [NaN, Infinity, -Infinity, 2.9],
    dtype: 'float32',
  },
  { shape: [4, 5], axis: 1, keepdims: true, index: [-0.5, 4.2, -3, 0], dtype: 'float32' },
  { shape: [4, 5], axis: 0, keepdims: false, index: [3, -1, 7, 0, 2], dtype: 'int32' },
  { shape: [2, 3, 4], axis: 1, keepdims: false, index: [0, 2, 1, 9, 2, 0, 1, 1], dtype: 'int32' },
  { shape: [3], axis: 0, keepdims: false, index: [1.5], dtype: 'float32' },
];

/** pick's values and its gradient (the head gradient numbered 1, 2, ...) on backend b. */
function run(b: mx.Backend, c: Case): number[][] {
  mx.useBackend(b);
  const before = mx.memory().arrays;
  const n = c.shape.reduce((p, d) => p * d, 1);
  const x = mx.nd.array(
    Array.from({ length: n }, (_, i) => (i % 3 === 1 ? -0 : i - n / 2)),
    {
      shape: c.shape,
    },
  );
  const rest = c.shape.filter((_, i) => i !== (c.axis + c.shape.length) % c.shape.length);
  const index = mx.nd.array(c.index, { shape: rest.length > 0 ? rest : [1], dtype: c.dtype });
  x.attachGrad();
  const y = mx.autograd.record(() => mx.nd.pick(x, index, { axis: c.axis, keepdims: c.keepdims }));
  const head = mx.nd.array(
    Array.from({ length: y.size }, (_, i) => i + 1),
    { shape: y.shape },
  );
  y.backward(head);
  const out = [Array.from(y.dataSync()), Array.from(x.grad.dataSync()), [...y.shape]];
  for (const a of [x, index, y, head]) a.dispose();
  expect(mx.memory().arrays).toBe(before);
  return out;
}

describe('pick on the wasm heap (MxtsPick, MxtsPickScatter)', () => {
  test.each(CASES)('$shape axis $axis keepdims $keepdims, $dtype index $index', (c) => {
    const a = run(wasm, c);
    const b = run(cpu, c);
    // Same elements picked and scattered, -0 included, whatever the index's specials.
    expect(a.map((v) => v.map((e) => (Object.is(e, -0) ? '-0' : e)))).toEqual(
      b.map((v) => v.map((e) => (Object.is(e, -0) ? '-0' : e))),
    );
  });
});
