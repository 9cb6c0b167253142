import * as mx from '@mxts/core';
import '@tensorflow/tfjs-backend-wasm';
import { add, engine, setBackend, tensor1d } from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { createWasmBackend } from './index.js';

// Its own file: a process has one wasm module, here made by TF.js's engine first.
test("adopts the wasm instance TF.js's engine already runs; both keep computing", async () => {
  expect(await setBackend('wasm')).toBe(true);
  const engineInstance = engine().registry['wasm'];
  const backend = await createWasmBackend();
  mx.useBackend(backend);
  expect(engine().registry['wasm']).toBe(engineInstance);
  expect(engine().backendName).toBe('wasm');
  const x = mx.nd.array([1, 2, 3]);
  const t = add(tensor1d([1, 2, 3]), tensor1d([10, 20, 30]));
  expect(Array.from(t.dataSync())).toEqual([11, 22, 33]);
  t.dispose();
  expect(Array.from(mx.nd.dot(x, x).dataSync())).toEqual([14]);
});
