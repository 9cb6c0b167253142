import * as mx from '@mxts/core';
import {
  type DataId,
  KernelBackend,
  registerBackend,
  registerKernel,
  removeBackend,
  unregisterKernel,
} from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createTfjsNodeBackend, TfjsNodeThreadsError } from './index.js';
import { tfjsNodeKernelPatches } from './tfjs-node-kernel-patches.js';
import { resetThreadsForTests } from './threads.js';

/** A stand-in for tfjs-node's NodeJSKernelBackend: refcounted host arrays. */
class FakeTensorflowBackend extends KernelBackend {
  private readonly data = new Map<DataId, { values: any; refCount: number }>();
  override write(values: any, _shape: number[], _dtype: string): DataId {
    const id = {};
    this.data.set(id, { values, refCount: 1 });
    return id;
  }
  override readSync(id: DataId): any {
    return this.data.get(id)!.values;
  }
  override async read(id: DataId): Promise<any> {
    return this.readSync(id);
  }
  override refCount(id: DataId): number {
    return this.data.get(id)?.refCount ?? 0;
  }
  override incRef(id: DataId): void {
    this.data.get(id)!.refCount++;
  }
  override disposeData(id: DataId): boolean {
    const d = this.data.get(id);
    if (d === undefined) return true;
    if (--d.refCount > 0) return false;
    this.data.delete(id);
    return true;
  }
  override numDataIds(): number {
    return this.data.size;
  }
}

/** What importing tfjs-node does, minus libtensorflow: registers the 'tensorflow' backend. */
function fakeTfjsNode(made: KernelBackend[] = []) {
  return async () => {
    registerBackend('tensorflow', () => {
      const b = new FakeTensorflowBackend();
      made.push(b);
      return b;
    });
    return { version: { 'tfjs-core': '4.22.0', 'tfjs-node': '4.22.0' } };
  };
}

const notInstalled = () =>
  Promise.reject(
    Object.assign(
      new Error("Cannot find package '@tensorflow/tfjs-node' imported from /app/index.js"),
      { code: 'ERR_MODULE_NOT_FOUND' },
    ),
  );

const THREAD_VARS = ['TF_NUM_INTRAOP_THREADS', 'TF_NUM_INTEROP_THREADS'] as const;
const savedEnv = THREAD_VARS.map((v) => process.env[v]);

afterEach(() => {
  resetThreadsForTests();
  THREAD_VARS.forEach((v, i) => {
    if (savedEnv[i] === undefined) delete process.env[v];
    else process.env[v] = savedEnv[i];
  });
  try {
    removeBackend('tensorflow');
  } catch {
    // not registered by this test
  }
});

describe('createTfjsNodeBackend detection', () => {
  test('rejects with BackendUnavailableError when tfjs-node is not installed', async () => {
    const e = await createTfjsNodeBackend({ load: notInstalled }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(mx.BackendUnavailableError);
    expect((e as mx.BackendUnavailableError).backend).toBe('tfjs-node');
    const { reason } = e as mx.BackendUnavailableError;
    expect(reason).toContain('@tensorflow/tfjs-node is not installed');
    expect(reason).toContain('npm install @tensorflow/tfjs-node');
    expect(reason).toContain('npx mxts-tfjs-node-setup');
  });

  test('the GPU package is named in its own errors', async () => {
    const e = await createTfjsNodeBackend({ package: '@tensorflow/tfjs-node-gpu' }).catch(
      (err: unknown) => err as mx.BackendUnavailableError,
    );
    expect(e).toBeInstanceOf(mx.BackendUnavailableError);
    expect(e.backend).toBe('tfjs-node-gpu');
    expect(e.reason).toContain('npm install @tensorflow/tfjs-node-gpu');
    // The setup command builds the CPU package only.
    expect(e.reason).not.toContain('mxts-tfjs-node-setup');
  });

  test('an unknown package name is a RangeError, before anything loads', async () => {
    const load = vi.fn(fakeTfjsNode());
    await expect(
      createTfjsNodeBackend({ package: '@tensorflow/tfjs' as never, load }),
    ).rejects.toThrow(RangeError);
    expect(load).not.toHaveBeenCalled();
  });

  test('a native binding that fails to load is named, with the underlying message', async () => {
    const load = () =>
      Promise.reject(
        Object.assign(new Error('libtensorflow.so.2: cannot open shared object file'), {
          code: 'ERR_DLOPEN_FAILED',
        }),
      );
    const e = await createTfjsNodeBackend({ load }).catch(
      (err: unknown) => err as mx.BackendUnavailableError,
    );
    expect(e).toBeInstanceOf(mx.BackendUnavailableError);
    expect(e.reason).toContain('native binding');
    expect(e.reason).toContain('libtensorflow.so.2: cannot open shared object file');
    expect(e.reason).toContain('npm rebuild @tensorflow/tfjs-node');
    expect(e.reason).toContain('npx mxts-tfjs-node-setup');
  });

  test('a tfjs-node that registered with another copy of tfjs-core is named', async () => {
    const load = async () => ({ version: { 'tfjs-core': '4.21.0' } });
    const e = await createTfjsNodeBackend({ load }).catch(
      (err: unknown) => err as mx.BackendUnavailableError,
    );
    expect(e).toBeInstanceOf(mx.BackendUnavailableError);
    expect(e.reason).toContain('not registered with the copy of @tensorflow/tfjs-core');
    expect(e.reason).toContain('4.21.0');
    expect(e.reason).toContain('npm install @tensorflow/tfjs-node@4.22.0');
  });

  test("a 'tensorflow' backend whose factory throws is reported", async () => {
    const load = async () => {
      registerBackend('tensorflow', () => {
        throw new Error('TF_NewSession failed');
      });
      return {};
    };
    await expect(createTfjsNodeBackend({ load })).rejects.toThrow(/failed to start: TF_NewSession/);
  });
});

describe('createTfjsNodeBackend when tfjs-node loads', () => {
  test('loads only when called, and wraps its own backend instance', async () => {
    const made: KernelBackend[] = [];
    const load = vi.fn(fakeTfjsNode(made));
    const backend = await createTfjsNodeBackend({ load });
    expect(load).toHaveBeenCalledTimes(1);
    expect(made).toHaveLength(1);
    expect(backend.name).toBe('tfjs-node');
    expect(backend.deviceType).toBe('cpu');
    expect(backend.capabilities).toMatchObject({ dtypes: ['float32', 'int32'], syncRead: true });
    expect(backend.capabilities.description).toContain('@tensorflow/tfjs-node 4.22.0');
  });

  test('threads follow the machine by default and are set before the binding loads', async () => {
    for (const v of THREAD_VARS) delete process.env[v];
    const { availableParallelism } = await import('node:os');
    const n = availableParallelism();
    const seen: (string | undefined)[] = [];
    const load = fakeTfjsNode();
    const backend = await createTfjsNodeBackend({
      load: () => {
        seen.push(process.env.TF_NUM_INTRAOP_THREADS, process.env.TF_NUM_INTEROP_THREADS);
        return load();
      },
    });
    expect(seen).toEqual([String(n), String(n)]);
    expect(backend.capabilities.description).toContain(`${n} intra-op and ${n} inter-op threads`);
  });

  test('the options, then the exported variables, choose the thread counts', async () => {
    process.env.TF_NUM_INTEROP_THREADS = '3';
    const backend = await createTfjsNodeBackend({ load: fakeTfjsNode(), intraOpThreads: 1 });
    expect(process.env.TF_NUM_INTRAOP_THREADS).toBe('1');
    expect(backend.capabilities.description).toContain('1 intra-op and 3 inter-op threads');
  });

  test('once loaded, other thread counts are a TfjsNodeThreadsError; the same ones are fine', async () => {
    await createTfjsNodeBackend({ load: fakeTfjsNode(), intraOpThreads: 2, interOpThreads: 2 });
    const e = await createTfjsNodeBackend({ load: fakeTfjsNode(), intraOpThreads: 4 }).catch(
      (err: unknown) => err as Error,
    );
    expect(e).toBeInstanceOf(TfjsNodeThreadsError);
    expect(e).toBeInstanceOf(mx.MXNetError);
    expect(e.message).toContain('2 intra-op and 2 inter-op threads');
    expect(e.message).toContain('first createTfjsNodeBackend call');
    const again = await createTfjsNodeBackend({ load: fakeTfjsNode(), intraOpThreads: 2 });
    expect(again.capabilities.description).toContain('2 intra-op and 2 inter-op threads');
  });

  test('a thread count that is not a positive integer is an InvalidArgumentError', async () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      await expect(
        createTfjsNodeBackend({ load: fakeTfjsNode(), interOpThreads: bad }),
      ).rejects.toThrow(mx.InvalidArgumentError);
    }
  });

  test('patches the tfjs-node kernels that call TF.js ops or differ from MXNet', () => {
    for (const name of ['Pow', 'ClipByValue', 'RealDiv', 'Relu', 'Sign', 'Exp']) {
      expect(tfjsNodeKernelPatches[name], name).toBeTypeOf('function');
    }
  });

  test('stores, reads and frees arrays; kernels run on its instance; no float64', async () => {
    const made: KernelBackend[] = [];
    const backend = await createTfjsNodeBackend({ load: fakeTfjsNode(made) });
    const seen: unknown[] = [];
    registerKernel({
      kernelName: 'Identity',
      backendName: 'tensorflow',
      kernelFunc: ({ inputs, backend: b }) => {
        seen.push(b);
        const { x } = inputs as { x: { dataId: DataId; shape: number[]; dtype: 'float32' } };
        b.incRef(x.dataId);
        return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
      },
    });
    try {
      const t = backend.write(new Float32Array([1, 2, 3]), [3], 'float32');
      expect(backend.memory()).toEqual({ arrays: 1, bytes: 12 });
      const [copy] = backend.run('copy', [t], {});
      expect(seen).toEqual([made[0]]);
      expect(Array.from(backend.readSync(copy))).toEqual([1, 2, 3]);
      expect(Array.from(await backend.read(t))).toEqual([1, 2, 3]);
      backend.dispose(copy);
      backend.dispose(t);
      expect(backend.memory()).toEqual({ arrays: 0, bytes: 0 });
      expect(() => backend.write(new Float64Array([1]), [1], 'float64')).toThrow(mx.DTypeError);
    } finally {
      unregisterKernel('Identity', 'tensorflow');
    }
  });
});
