import * as mx from '@mxts/core';
import { afterAll, expect, test } from 'vitest';
import { backendOrSkip, closeBackend } from './test-support.js';

afterAll(closeBackend);

// An array over the device's largest storage binding used to fail TF.js's bind group, and
// that validation error then broke the next, unrelated call (`ones(3) + 1`).
test("arrays over the device's largest binding raise ArrayTooLargeError; the backend keeps working", async (ctx) => {
  const backend = await backendOrSkip(ctx.skip);
  mx.useBackend(backend);
  const limit = backend.capabilities.maxArrayBytes;
  expect(limit).toBeGreaterThan(0);
  const before = mx.memory().arrays;
  const n = limit! / 4 + 1024;
  if (n * 4 > mx.maxArrayBytes()) ctx.skip('the device binds arrays up to mx.maxArrayBytes()');
  expect(() => mx.nd.ones([n])).toThrow(mx.ArrayTooLargeError);
  expect(() => mx.nd.ones([n])).toThrow(/one webgpu array/);
  const row = mx.nd.ones([1024]);
  expect(() => mx.nd.tile(row, { reps: [n / 1024] })).toThrow(mx.ArrayTooLargeError);
  row.dispose();
  expect(mx.memory().arrays).toBe(before);
  const y = mx.scope(() => mx.keep(mx.nd.ones([3]).add(1)));
  expect(Array.from(await y.data())).toEqual([2, 2, 2]);
  y.dispose();
  expect(mx.memory().arrays).toBe(before);
}, 120_000);
