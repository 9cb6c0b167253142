import { createCpuBackend } from '@mxts/backend-cpu';
import { runCase } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { add, engine, setBackend, tensor1d } from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { createWasmBackend } from './index.js';

const handlers = () =>
  process.listenerCount('uncaughtException') + process.listenerCount('unhandledRejection');

describe('createWasmBackend', () => {
  test('declares cpu(0), float32 and int32, sync reads, and leaves process handlers alone', async () => {
    const before = handlers();
    const backend = await createWasmBackend();
    expect(handlers()).toBe(before);
    expect(backend.name).toBe('wasm');
    expect(backend.deviceType).toBe('cpu');
    expect(backend.capabilities.dtypes).toEqual(['float32', 'int32']);
    expect(backend.capabilities.syncRead).toBe(true);
    expect(backend.capabilities.description).toMatch(/XNNPACK/);
    expect(mx.useBackend(backend).toString()).toBe('cpu(0)');
  });

  test('has no float64: writing one throws a DTypeError instead of storing float32', async () => {
    const backend = await createWasmBackend();
    expect(() => backend.write(new Float64Array([1, 2]), [2], 'float64')).toThrow(mx.DTypeError);
  });

  test('never switches or initializes TF.js global engine backend', async () => {
    await createWasmBackend();
    expect(engine().registry['wasm']).toBeUndefined();
    expect(engine().backendName ?? null).toBe(null);
  });

  test('returns the one backend of the process; other options reject, bad ones throw', async () => {
    const backend = await createWasmBackend();
    expect(await createWasmBackend()).toBe(backend);
    await expect(createWasmBackend({ threads: 3 })).rejects.toThrow(mx.BackendUnavailableError);
    await expect(createWasmBackend({ simd: false })).rejects.toThrow(/simd/);
    await expect(createWasmBackend({ threads: 0 })).rejects.toThrow(RangeError);
    await expect(createWasmBackend({ threads: 1.5 })).rejects.toThrow(RangeError);
  });

  test('reads synchronously, and memory returns to its baseline (a float64 case is unavailable)', async () => {
    const backend = await createWasmBackend();
    mx.useBackend(backend);
    const matmul = {
      id: 'wasm/dot-2x2',
      suite: 'wasm',
      run() {
        const x = mx.nd.array([
          [1, 2],
          [3, 4],
        ]);
        expect(Array.from(mx.nd.dot(x, x).dataSync())).toEqual([7, 10, 15, 22]);
      },
    };
    expect(await runCase(matmul, backend)).toMatchObject({ status: 'passed', message: '' });
    const f64 = { ...matmul, id: 'wasm/f64', requires: { dtypes: ['float64' as const] } };
    const r = await runCase(f64, backend);
    expect(r.status).toBe('unavailable');
    expect(r.message).toMatch(/float64/);
  });

  test("TF.js's engine picking wasm later gets this instance, and both keep computing", async () => {
    const backend = await createWasmBackend();
    mx.useBackend(backend);
    const x = mx.nd.array([1, 2, 3]);
    expect(await setBackend('wasm')).toBe(true);
    const t = add(tensor1d([1, 2, 3]), tensor1d([10, 20, 30]));
    expect(Array.from(t.dataSync())).toEqual([11, 22, 33]);
    t.dispose();
    expect(Array.from(mx.nd.broadcastMul(x, x).dataSync())).toEqual([1, 4, 9]);
    expect(await createWasmBackend()).toBe(backend);
  });

  test('coexists with the CPU backend in one process, with the same results', async () => {
    const cpu = await createCpuBackend();
    const wasm = await createWasmBackend();
    const values = Float32Array.from({ length: 64 * 48 }, (_, i) => Math.sin(i));
    const results: Float32Array[] = [];
    for (const b of [cpu, wasm, cpu, wasm]) {
      mx.useBackend(b);
      const a = mx.nd.array(values).reshape([64, 48]);
      const p = mx.nd.dot(a, a.T);
      results.push(Float32Array.from(p.dataSync() as Float32Array));
    }
    for (let i = 0; i < results[0].length; i++) {
      expect(results[1][i]).toBeCloseTo(results[0][i], 3);
    }
    expect(results[2]).toEqual(results[0]);
    expect(results[3]).toEqual(results[1]);
  });
});
