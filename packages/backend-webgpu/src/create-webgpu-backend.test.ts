import * as mx from '@mxts/core';
import { afterAll, describe, expect, test } from 'vitest';
import { createWebGpuBackend, type WebGpuBackend } from './create-webgpu-backend.js';
import type { GpuLike } from './gpu-types.js';
import { backendOrSkip, closeBackend } from './test-support.js';

const { nd } = mx;

afterAll(closeBackend);

/** The file's backend as the default context, or skip/fail (see test-support). */
async function use(skip: (note: string) => never): Promise<WebGpuBackend> {
  const gpu = await backendOrSkip(skip);
  mx.useBackend(gpu);
  return gpu;
}

describe('on the adapter', () => {
  test('declares gpu(0), float32/int32, async reads, and names its adapter', async (ctx) => {
    const gpu = await use(ctx.skip);
    expect(gpu.name).toBe('webgpu');
    expect(gpu.deviceType).toBe('gpu');
    expect(gpu.capabilities.syncRead).toBe(false);
    expect(gpu.capabilities.dtypes).toEqual(['float32', 'int32']);
    const named = gpu.adapterInfo.device || gpu.adapterInfo.description;
    expect(named).not.toBe('');
    expect(gpu.capabilities.description).toContain(named);
    expect(['core', 'compatibility']).toContain(gpu.adapterInfo.featureLevel);
  });

  test('reads are async: data() works, dataSync() and String() raise SyncReadUnavailableError', async (ctx) => {
    await use(ctx.skip);
    const x = nd.array([1, 2, 3]);
    expect(x.context.toString()).toBe('gpu(0)');
    expect(Array.from(await x.add(1).data())).toEqual([2, 3, 4]);
    expect(() => x.dataSync()).toThrow(mx.SyncReadUnavailableError);
    expect(() => String(x)).toThrow(mx.SyncReadUnavailableError);
    expect(await mx.repr(x)).toBe('\n[1. 2. 3.]\n<NDArray 3 @gpu(0)>');
  });

  test('int32 stays exact through GPU kernels; float64 is refused', async (ctx) => {
    await use(ctx.skip);
    const big = 2 ** 24 + 1;
    const i = nd.array([[big, -big, 7]], { dtype: 'int32' });
    const t = nd.transpose(nd.reshape(i, { shape: [1, 3, 1] }), { axes: [2, 1, 0] });
    expect(t.dtype).toBe('int32');
    expect(Array.from(await t.data())).toEqual([big, -big, 7]);
    expect(() => nd.array([1], { dtype: 'float64' })).toThrow(mx.DTypeError);
  });

  test('memory returns to baseline: arrays, bytes, and GPU buffers back in the pool', async (ctx) => {
    const gpu = await use(ctx.skip);
    const work = async () => {
      const x = nd.ones([64, 64]);
      const e = nd.exp(x);
      const m = e.mul(x);
      const y = m.sum();
      await y.data();
      for (const a of [x, e, m, y]) a.dispose();
    };
    await work(); // warm: the pool now holds buffers of these sizes
    const before = mx.memory();
    const gpuBefore = gpu.gpuMemory();
    await work();
    expect(mx.memory()).toEqual(before);
    const gpuAfter = gpu.gpuMemory();
    expect(gpuAfter.bytesInUse).toBe(gpuBefore.bytesInUse);
    // Same sizes again: the pool's buffers are reused, nothing new is allocated.
    expect(gpuAfter.bytesAllocated).toBe(gpuBefore.bytesAllocated);
  });

  test('arrays disposed while their kernels are still queued count as freed at once', async (ctx) => {
    await use(ctx.skip);
    // The backend's cached constants (2 and 1) exist before counting; they are its own.
    mx.scope(() => {
      nd.ones([8]).mul(2).add(1);
    });
    const before = mx.memory();
    const x = nd.ones([8]);
    const m = x.mul(2);
    const y = m.add(1); // queued, never read
    for (const a of [x, m, y]) a.dispose();
    expect(mx.memory()).toEqual(before);
  });
});

describe('without an adapter', () => {
  const noAdapter: GpuLike = { requestAdapter: async () => null };

  test('the factory rejects with BackendUnavailableError naming the cause and the fix', async () => {
    const e = await createWebGpuBackend({ gpu: noAdapter }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(mx.BackendUnavailableError);
    const message = (e as Error).message;
    expect(message).toMatch(/requestAdapter\(\) returned null/);
    expect(message).toMatch(/apt-get install .*mesa-vulkan-drivers/);
    expect(message).toMatch(/EGL_PLATFORM=surfaceless/);
    expect(message).toMatch(/vulkaninfo --summary/);
  });

  test('an unknown Dawn backend is named in the rejection', async () => {
    const e = await createWebGpuBackend({ backend: 'metal' as never }).catch((err) => err);
    expect(e).toBeInstanceOf(mx.BackendUnavailableError);
    expect((e as Error).message).toMatch(/unknown backend 'metal'/);
  });
});

describe('close()', () => {
  test('destroys the device; later use raises BackendUnavailableError; navigator.gpu is left as found', async (ctx) => {
    await backendOrSkip(ctx.skip); // an adapter exists here
    const hadGpu = (globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu;
    const own = await createWebGpuBackend();
    expect((globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu).toBe(hadGpu);
    const rec = own.write(new Float32Array([1, 2]), [2], 'float32');
    expect(own.memory().arrays).toBe(1);
    own.close();
    own.close(); // idempotent
    expect(own.memory()).toEqual({ arrays: 0, bytes: 0, gpuBytes: 0 });
    expect(() => own.run('exp', [rec], {})).toThrow(mx.BackendUnavailableError);
    await expect(own.read(rec)).rejects.toThrow(/closed/);
    own.dispose(rec); // a finalizer running after close() is harmless
  });
});

// A browser has navigator.gpu and no Node: Deno's shape (both navigator and `Deno`) takes the
// same path, so the test poses as Deno with Dawn's GPU object as navigator.gpu.
describe('the browser path (navigator.gpu)', () => {
  const g = globalThis as { navigator?: { gpu?: unknown }; Deno?: unknown };
  async function asBrowser<T>(gpu: unknown, fn: () => Promise<T>): Promise<T> {
    const saved = { navigator: g.navigator, deno: g.Deno };
    g.Deno = {};
    g.navigator = gpu === undefined ? {} : { gpu };
    try {
      return await fn();
    } finally {
      g.navigator = saved.navigator;
      if (saved.navigator === undefined) delete g.navigator;
      if (saved.deno === undefined) delete g.Deno;
    }
  }

  test('without navigator.gpu the factory says so, and how to fix it', async () => {
    const e = await asBrowser(undefined, () => createWebGpuBackend()).catch((err) => err);
    expect(e).toBeInstanceOf(mx.BackendUnavailableError);
    expect((e as Error).message).toMatch(/navigator\.gpu is undefined.*secure context/);
  });

  test('uses navigator.gpu, falling back to a compatibility-mode adapter', async (ctx) => {
    const { route, featureLevel } = (await backendOrSkip(ctx.skip)).adapterInfo;
    const { create } = (await import('webgpu')) as { create(flags: string[]): GpuLike };
    // The Dawn backend that works here (on llvmpipe: OpenGL ES, compatibility adapters only).
    const dawnGpu = create(route === 'default' ? [] : [`backend=${route}`]);
    const b = await asBrowser(dawnGpu, () => createWebGpuBackend());
    try {
      expect(b.adapterInfo.route).toBe('navigator.gpu');
      expect(b.adapterInfo.featureLevel).toBe(featureLevel);
      expect(b.capabilities.description).toContain('via navigator.gpu in ');
      const rec = b.run('exp', [b.write(new Float32Array([0, 1]), [2], 'float32')], {})[0];
      const [e0, e1] = await b.read(rec);
      expect(e0).toBe(1);
      expect(e1).toBeCloseTo(Math.E, 6);
    } finally {
      b.close();
    }
  });
});
