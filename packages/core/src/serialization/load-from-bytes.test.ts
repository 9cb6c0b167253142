import { beforeAll, describe, expect, test } from 'vitest';
import { cpu, gpu } from '../backend/context.js';
import { memory, useBackend } from '../backend/registry.js';
import { CorruptFileError } from '../errors/corrupt-file-error.js';
import { DTypeOverflowError } from '../errors/dtype-overflow-error.js';
import { UnsupportedStorageTypeError } from '../errors/unsupported-storage-type-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { loadFromBytes } from './load-from-bytes.js';
import { createMemoryBackend } from './memory-backend.test.js';
import { encodeNDArrayFile } from './ndarray-file-format.js';

beforeAll(() => {
  // float64 only on the "gpu": the cpu one converts float64 to float32.
  useBackend(createMemoryBackend({ deviceType: 'gpu', dtypes: ['float32', 'float64', 'int32'] }));
  useBackend(createMemoryBackend({ deviceType: 'cpu', dtypes: ['float32', 'int32'] }));
});

const f32 = (shape: number[], values: number[]) => ({
  shape,
  dtype: 'float32' as const,
  data: new Float32Array(values),
});

// One V2 float32 array of shape (2,) and its fields, then a name; `flag` and `payload`
// replace the type flag and data.
function oneArrayFile(flag: number, payload: number[], count = 2): Uint8Array {
  const head = [0x12, 0x01, 0, 0, 0, 0, 0, 0, ...new Array(8).fill(0), 1, 0, 0, 0, 0, 0, 0, 0];
  const arr = [0xc9, 0xfa, 0x93, 0xf9, 0, 0, 0, 0, 1, 0, 0, 0, count, 0, 0, 0, 0, 0, 0, 0];
  const ctx = [1, 0, 0, 0, 0, 0, 0, 0, flag, 0, 0, 0];
  const names = [1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0x69, 0x64, 0x73]; // 'ids'
  return new Uint8Array([...head, ...arr, ...ctx, ...payload, ...names]);
}

function disposeAll(r: NDArray[] | Record<string, NDArray>): void {
  for (const x of Array.isArray(r) ? r : Object.values(r)) x.dispose();
}

describe('loadFromBytes', () => {
  test('a list file gives a list, on the current context', async () => {
    const before = memory();
    const bytes = encodeNDArrayFile({ arrays: [f32([2], [1, 2]), f32([1, 2], [3, 4])] });
    const out = loadFromBytes(bytes);
    expect(Array.isArray(out)).toBe(true);
    const [a, b] = out as NDArray[];
    expect(a.context.equals(cpu())).toBe(true);
    expect(a.shape).toEqual([2]);
    expect(Array.from(await b.data())).toEqual([3, 4]);
    expect(b.shape).toEqual([1, 2]);
    disposeAll(out);
    expect(memory()).toEqual(before);
  });

  test('a dict file gives a dict in file order', async () => {
    const bytes = encodeNDArrayFile({
      arrays: [f32([1], [1]), f32([1], [2]), f32([1], [3])],
      names: ['arg:fc_weight', 'arg:fc_bias', 'aux:bn_moving_mean'],
    });
    const out = loadFromBytes(bytes) as Record<string, NDArray>;
    expect(Object.keys(out)).toEqual(['arg:fc_weight', 'arg:fc_bias', 'aux:bn_moving_mean']);
    expect(Array.from(await out['arg:fc_bias'].data())).toEqual([2]);
    disposeAll(out);
  });

  test('ctx puts the arrays on another backend', async () => {
    const out = loadFromBytes(encodeNDArrayFile({ arrays: [f32([1], [5])] }), { ctx: gpu(0) });
    const [a] = out as NDArray[];
    expect(a.context.equals(gpu(0))).toBe(true);
    expect(memory(gpu(0)).arrays).toBe(1);
    disposeAll(out);
    expect(memory(gpu(0)).arrays).toBe(0);
  });

  test('float64 stays where the backend has it, else becomes float32', async () => {
    const bytes = encodeNDArrayFile({
      arrays: [{ shape: [2], dtype: 'float64', data: new Float64Array([0.1, 1e300]) }],
    });
    const [onGpu] = loadFromBytes(bytes, { ctx: gpu() }) as NDArray[];
    expect(onGpu.dtype).toBe('float64');
    expect(Array.from(await onGpu.data())).toEqual([0.1, 1e300]);
    const [onCpu] = loadFromBytes(bytes) as NDArray[];
    expect(onCpu.dtype).toBe('float32');
    expect(Array.from(await onCpu.data())).toEqual([Math.fround(0.1), Infinity]);
    onGpu.dispose();
    onCpu.dispose();
  });

  test('int32 stays int32; float16 becomes float32; int64 becomes int32', async () => {
    const i32 = encodeNDArrayFile({
      arrays: [{ shape: [2], dtype: 'int32', data: new Int32Array([-7, 2 ** 31 - 1]) }],
    });
    const [a] = loadFromBytes(i32) as NDArray[];
    expect(a.dtype).toBe('int32');
    expect(Array.from(await a.data())).toEqual([-7, 2 ** 31 - 1]);
    const half = loadFromBytes(oneArrayFile(2, [0x00, 0x3c, 0x00, 0xb8])) as Record<
      string,
      NDArray
    >;
    expect(half.ids.dtype).toBe('float32');
    expect(Array.from(await half.ids.data())).toEqual([1, -0.5]);
    const i64 = oneArrayFile(
      6,
      [5, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    );
    const ids = loadFromBytes(i64) as Record<string, NDArray>;
    expect(ids.ids.dtype).toBe('int32');
    expect(Array.from(await ids.ids.data())).toEqual([5, -1]);
    for (const x of [a, half.ids, ids.ids]) x.dispose();
  });

  test('an int64 outside int32 raises DTypeOverflowError and creates nothing', () => {
    const before = memory();
    const big = oneArrayFile(6, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0, 0]);
    expect(() => loadFromBytes(big)).toThrow(DTypeOverflowError);
    expect(() => loadFromBytes(big)).toThrow(
      /array 0 \('ids'\) holds int64.*element 1 is 2147483648/,
    );
    expect(memory()).toEqual(before);
  });

  test('sparse and none arrays raise UnsupportedStorageTypeError', () => {
    const rowSparse = new Uint8Array([
      ...[0x12, 1, 0, 0, 0, 0, 0, 0, ...new Array(8).fill(0), 1, 0, 0, 0, 0, 0, 0, 0],
      ...[0xc9, 0xfa, 0x93, 0xf9, 1, 0, 0, 0], // V2, kRowSparseStorage
      ...[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], // storage shape (0,): no stored rows
      ...[1, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0], // shape (4,)
      ...[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], // cpu(0), kFloat32
      ...[6, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], // aux: kInt64, shape (0,)
      ...[1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0x65], // names: ['e']
    ]);
    expect(() => loadFromBytes(rowSparse)).toThrow(UnsupportedStorageTypeError);
    expect(() => loadFromBytes(rowSparse)).toThrow(
      "array 0 ('e') has the unsupported storage type 'row_sparse'",
    );
    const none = new Uint8Array([
      ...[0x12, 1, 0, 0, 0, 0, 0, 0, ...new Array(8).fill(0), 1, 0, 0, 0, 0, 0, 0, 0],
      ...[0xc9, 0xfa, 0x93, 0xf9, 0, 0, 0, 0, 0, 0, 0, 0], // V2, default, ndim 0: none
      ...new Array(8).fill(0),
    ]);
    expect(() => loadFromBytes(none)).toThrow(/array 0 is an empty NDArray/);
  });

  test('a corrupt file raises CorruptFileError and creates nothing', () => {
    const before = memory();
    const bytes = encodeNDArrayFile({ arrays: [f32([2], [1, 2]), f32([2], [3, 4])] });
    for (let n = 0; n < bytes.length; n++) {
      expect(() => loadFromBytes(bytes.subarray(0, n))).toThrow(CorruptFileError);
    }
    expect(memory()).toEqual(before);
  });

  test('a repeated name keeps the last array (Python dict) and frees the others', async () => {
    const before = memory();
    const bytes = encodeNDArrayFile({
      arrays: [f32([1], [1]), f32([1], [2]), f32([1], [3])],
      names: ['w', '__proto__', 'w'],
    });
    const out = loadFromBytes(bytes) as Record<string, NDArray>;
    expect(Object.keys(out)).toEqual(['w', '__proto__']);
    expect(Array.from(await out.w.data())).toEqual([3]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(memory().arrays).toBe(before.arrays + 2);
    disposeAll(out);
    expect(memory()).toEqual(before);
  });

  test('an ArrayBuffer is accepted', () => {
    const bytes = encodeNDArrayFile({ arrays: [f32([1], [1])] });
    const out = loadFromBytes(bytes.slice().buffer);
    expect((out as NDArray[]).length).toBe(1);
    disposeAll(out);
  });
});
