import * as mx from '@mxts/core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { engine } from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { createWasmBackend } from './index.js';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

// Fills the real 4 GiB heap. The filler is TF.js data written without values, so its pages
// are never touched and the process stays small; only the last ~100 MiB hold real arrays.
test('a full WebAssembly heap refuses with OutOfMemoryError, and the backend keeps working', async () => {
  const backend = await createWasmBackend();
  expect(backend.capabilities.maxBytes).toBe(4 * GiB);
  mx.useBackend(backend);
  // The TF.js instance this backend runs on (it hands it to TF.js's engine as its factory).
  const tf = engine().registryFactory['wasm'].factory() as BackendWasm;
  // The backend's own cached scalar constants (the 1 of `+ 1` below) exist before counting.
  mx.scope(() => {
    mx.nd.ones([3]).add(1);
  });
  const before = mx.memory().arrays;
  const tfBefore = tf.numDataIds();

  const filler: object[] = [];
  const fill = (bytes: number): unknown => {
    for (;;) {
      try {
        filler.push(tf.write(null as unknown as Float32Array, [bytes / 4], 'float32'));
      } catch (e) {
        return e;
      }
    }
  };
  const refused = fill(GiB);
  expect(refused).toBeInstanceOf(mx.OutOfMemoryError);
  // The fourth GiB is refused by the heap or, with the constants' few bytes live, by maxBytes.
  expect((refused as Error).message).toMatch(/WebAssembly heap|maxBytes/);
  expect(filler.length).toBeGreaterThanOrEqual(2);
  const refusedByHeap = fill(64 * MiB);
  expect(refusedByHeap).toBeInstanceOf(mx.OutOfMemoryError);
  expect((refusedByHeap as Error).message).toMatch(/WebAssembly heap/);
  // Leave room for a few real arrays only.
  tf.disposeData(filler.pop() as object);

  // The case: a big array added to itself, every result kept.
  const kept = [mx.nd.ones([4 * MiB])]; // 16 MiB
  let error: unknown;
  for (let i = 0; i < 64 && error === undefined; i++) {
    try {
      kept.push(kept[kept.length - 1].add(kept[0]));
    } catch (e) {
      error = e;
    }
  }
  expect(error).toBeInstanceOf(mx.OutOfMemoryError);
  expect((error as InstanceType<typeof mx.OutOfMemoryError>).backend).toBe('wasm');
  expect(kept.length).toBeGreaterThan(1);
  expect(kept[kept.length - 1].dataSync()[0]).toBe(kept.length);

  // Nothing is corrupted: a small op still computes.
  const y = mx.scope(() => mx.keep(mx.nd.ones([3]).add(1)));
  expect(Array.from(y.dataSync())).toEqual([2, 2, 2]);
  y.dispose();

  // Disposing frees the heap: a 1 GiB block fits again.
  for (const x of kept) x.dispose();
  for (const id of filler) tf.disposeData(id);
  expect(mx.memory().arrays).toBe(before);
  expect(tf.numDataIds()).toBe(tfBefore);
  const again = tf.write(null as unknown as Float32Array, [GiB / 4], 'float32');
  tf.disposeData(again);
  const z = mx.scope(() => mx.keep(mx.nd.ones([3]).add(1)));
  expect(Array.from(z.dataSync())).toEqual([2, 2, 2]);
  z.dispose();
  expect(mx.memory().arrays).toBe(before);
});
