import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { afterAll, expect, test } from 'vitest';
import { backendOrSkip, closeBackend } from './test-support.js';

const { nd } = mx;

afterAll(closeBackend);

/** Both backends registered in one process; the default context is gpu(0). */
async function both(skip: (note: string) => never) {
  const gpu = await backendOrSkip(skip);
  mx.useBackend(await createCpuBackend());
  mx.useBackend(gpu);
}

test('cpu(0) -> gpu(0) with copyTo, gpu(0) -> cpu(0) with copyToAsync', async (ctx) => {
  await both(ctx.skip);
  const before = { cpu: mx.memory(mx.cpu()), gpu: mx.memory(mx.gpu()) };
  const c = nd.array(
    [
      [1, -2.5],
      [3, 4],
    ],
    { ctx: mx.cpu(0) },
  );
  const g = c.copyTo(mx.gpu(0)); // the source reads synchronously: fine from the CPU
  expect(g.context.toString()).toBe('gpu(0)');
  const sq = g.mul(g);
  // NDArray.copyTo reads the source synchronously, which a GPU array cannot do.
  expect(() => sq.copyTo(mx.cpu(0))).toThrow(mx.SyncReadUnavailableError);
  const back = await sq.copyToAsync(mx.cpu(0));
  expect(back.context.toString()).toBe('cpu(0)');
  expect(back.dtype).toBe('float32');
  expect(Array.from(back.dataSync())).toEqual([1, 6.25, 9, 16]);
  // int32 keeps its dtype both ways.
  const i = nd.array([7, -8], { ctx: mx.cpu(0), dtype: 'int32' });
  const gi = i.copyTo(mx.gpu(0));
  const ri = await gi.copyToAsync(mx.cpu(0));
  expect(ri.dtype).toBe('int32');
  expect(Array.from(ri.dataSync())).toEqual([7, -8]);
  for (const a of [c, g, sq, back, i, gi, ri]) a.dispose();
  expect({ cpu: mx.memory(mx.cpu()), gpu: mx.memory(mx.gpu()) }).toEqual(before);
});

test('ops refuse to mix cpu(0) and gpu(0) arrays', async (ctx) => {
  await both(ctx.skip);
  const c = nd.ones([2], { ctx: mx.cpu(0) });
  const g = nd.ones([2], { ctx: mx.gpu(0) });
  expect(() => c.add(g)).toThrow(mx.ContextMismatchError);
  const moved = await g.copyToAsync(mx.cpu(0));
  expect(Array.from(c.add(moved).dataSync())).toEqual([2, 2]);
});

test('gradients flow on gpu(0) for an array copied from cpu(0)', async (ctx) => {
  await both(ctx.skip);
  const x = nd.array([0.5, 1, 2], { ctx: mx.cpu(0) }).copyTo(mx.gpu(0));
  x.attachGrad();
  mx.autograd.record(() => nd.sin(x).sum()).backward();
  const grad = await x.grad!.copyToAsync(mx.cpu(0));
  const expected = [0.5, 1, 2].map(Math.cos);
  Array.from(grad.dataSync()).forEach((v, k) => {
    expect(v).toBeCloseTo(expected[k], 6);
  });
});
