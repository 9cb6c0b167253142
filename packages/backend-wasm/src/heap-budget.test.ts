import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createWasmBackend } from './index.js';

// A 64 MiB budget stands for the full heap, so the test fills it in a few MiB; 4 KiB more
// holds the backend's own cached scalar constants (at most 256 of 4 bytes), which count too.
const BUDGET = 64 * 2 ** 20 + 4096;
const N = 2 ** 20; // 4 MiB per float32 array

/** `ones([N])`, then sums of it kept live, until the backend refuses; returns what it kept. */
function fillUntilRefused(): { kept: mx.NDArray[]; error: unknown } {
  const kept = [mx.nd.ones([N])];
  for (;;) {
    try {
      kept.push(kept[kept.length - 1].add(kept[0]));
    } catch (error) {
      return { kept, error };
    }
  }
}

describe('wasm backend: a full heap refuses with OutOfMemoryError and stays usable', () => {
  beforeAll(async () => {
    const backend = await createWasmBackend({ maxBytes: BUDGET });
    expect(backend.capabilities.maxBytes).toBe(BUDGET);
    mx.useBackend(backend);
  });

  test('allocating past maxBytes throws OutOfMemoryError; ones(3) + 1 works; disposing frees it', () => {
    const before = mx.memory().arrays;
    const { kept, error } = fillUntilRefused();
    expect(error).toBeInstanceOf(mx.OutOfMemoryError);
    expect(error).toBeInstanceOf(mx.MXNetError);
    const oom = error as InstanceType<typeof mx.OutOfMemoryError>;
    expect(oom.name).toBe('OutOfMemoryError');
    expect(oom.backend).toBe('wasm');
    expect(oom.bytes).toBe(4 * N);
    expect(oom.message).toMatch(new RegExp(`maxBytes is ${BUDGET}`));
    // 16 arrays of 4 MiB make the budget (with the constants); the 17th is refused.
    expect(kept.length).toBe(16);
    expect(Array.from(kept[15].dataSync().slice(0, 2))).toEqual([16, 16]);
    for (const x of kept) x.dispose();
    expect(mx.memory().arrays).toBe(before);
    const y = mx.scope(() => mx.keep(mx.nd.ones([3]).add(1)));
    expect(Array.from(y.dataSync())).toEqual([2, 2, 2]);
    y.dispose();
    // The freed budget holds as many arrays again.
    const again = fillUntilRefused();
    expect(again.error).toBeInstanceOf(mx.OutOfMemoryError);
    expect(again.kept.length).toBe(16);
    for (const x of again.kept) x.dispose();
    expect(mx.memory().arrays).toBe(before);
  });

  test('an upload past maxBytes is refused before the engine sees it', () => {
    const before = mx.memory();
    const big = mx.nd.ones([N]);
    expect(() => mx.nd.array(new Float32Array(BUDGET / 4))).toThrow(mx.OutOfMemoryError);
    big.dispose();
    expect(mx.memory()).toEqual(before);
  });

  test('maxBytes must be a positive integer', async () => {
    await expect(createWasmBackend({ maxBytes: 0 })).rejects.toThrow(RangeError);
    await expect(createWasmBackend({ maxBytes: 1.5 })).rejects.toThrow(/maxBytes/);
  });
});
