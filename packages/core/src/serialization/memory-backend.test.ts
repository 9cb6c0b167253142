// A minimal in-memory Backend for the serialization tests (they need write/read/dispose and
// memory accounting, no kernels), exported for the other test files here. Core's tests do
// not depend on a backend package; the conformance suite runs the real backends.
import { expect, test } from 'vitest';
import type { Backend, TensorRecord } from '../backend/backend.js';
import type { DeviceType } from '../backend/context.js';
import { DTypeError } from '../errors/dtype-error.js';
import type { DType, HostArray } from '../ndarray/dtype.js';

/** Options of `createMemoryBackend`. */
export interface MemoryBackendOptions {
  deviceType?: DeviceType;
  dtypes?: readonly DType[];
  /** false: reads are async only, as on WebGPU. */
  syncRead?: boolean;
}

/** A backend that keeps host arrays and counts live ones. */
export function createMemoryBackend(options: MemoryBackendOptions = {}): Backend {
  const dtypes = options.dtypes ?? ['float32', 'int32'];
  const syncRead = options.syncRead ?? true;
  const live = new Map<object, HostArray>();
  const valuesOf = (t: TensorRecord): HostArray => {
    const v = live.get(t.dataId);
    if (v === undefined) throw new Error('read of a disposed record');
    return v;
  };
  return {
    name: 'memory',
    deviceType: options.deviceType ?? 'cpu',
    capabilities: { dtypes, syncRead, description: 'test memory backend' },
    write(values, shape, dtype) {
      if (!dtypes.includes(dtype)) throw new DTypeError('memory', `no ${dtype}`);
      const dataId = {};
      live.set(dataId, values);
      return { dataId, shape: [...shape], dtype };
    },
    async read(t) {
      return valuesOf(t).slice();
    },
    readSync(t) {
      if (!syncRead) throw new Error('sync read on an async backend');
      return valuesOf(t).slice();
    },
    dispose(t) {
      live.delete(t.dataId);
    },
    run() {
      throw new Error('the memory backend runs no kernels');
    },
    memory() {
      let bytes = 0;
      for (const v of live.values()) bytes += v.byteLength;
      return { arrays: live.size, bytes };
    },
  };
}

// Registered only when this file runs, not in each test file that imports the backend.
const self = expect.getState().testPath?.endsWith('memory-backend.test.ts') ?? false;

if (self) {
  test('the memory backend counts live arrays and bytes', async () => {
    const b = createMemoryBackend();
    const r = b.write(new Float32Array([1, 2]), [2], 'float32');
    expect(b.memory()).toEqual({ arrays: 1, bytes: 8 });
    expect(Array.from(await b.read(r))).toEqual([1, 2]);
    b.dispose(r);
    expect(b.memory()).toEqual({ arrays: 0, bytes: 0 });
    expect(() => b.write(new Float64Array(1), [1], 'float64')).toThrow(DTypeError);
  });
}
