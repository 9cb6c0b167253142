import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createWasmBackend } from '../index.js';

// Its own process (vitest forks per file): the backend's maxBytes is per process.
const BUDGET = 8 * 2 ** 20;
// sgemm's scratch for x(64x784)·wᵀ: the panel (784×8), a block (5×8), 65 packed rows of x.
const SCRATCH = (784 * 8 + 5 * 8 + 65 * 784) * 4;
const OUTPUT = 64 * 256 * 4;

describe("sgemm's scratch counts against maxBytes while a product holds it", () => {
  beforeAll(async () => {
    mx.useBackend(await createWasmBackend({ maxBytes: BUDGET }));
  });

  test('no room for the scratch: OutOfMemoryError, nothing left allocated; room again: the product runs', () => {
    const { nd } = mx;
    const baseline = mx.memory();
    const x = nd.ones([64, 784]);
    const w = nd.ones([256, 784]);
    // Leave about 150 KB: the output (64 KiB) would fit, the scratch (about 224 KiB) not.
    const room = 150_000;
    const filler = nd.zeros([Math.floor((BUDGET - mx.memory().bytes - room) / 4)]);
    expect(room).toBeGreaterThan(OUTPUT + 4096);
    expect(room).toBeLessThan(SCRATCH);
    const before = mx.memory();
    let error: unknown;
    try {
      nd.dot(x, w, { transposeB: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(mx.OutOfMemoryError);
    expect((error as InstanceType<typeof mx.OutOfMemoryError>).bytes).toBe(SCRATCH);
    expect(mx.memory()).toEqual(before);
    filler.dispose();
    const y = nd.dot(x, w, { transposeB: true });
    expect(Array.from(y.dataSync().slice(0, 3))).toEqual([784, 784, 784]);
    for (const t of [x, w, y]) t.dispose();
    expect(mx.memory()).toEqual(baseline);
  });
});
