import { beforeAll, describe, expect, test } from 'vitest';
import { gpu } from '../backend/context.js';
import { memory, useBackend } from '../backend/registry.js';
import { DisposedArrayError } from '../errors/disposed-array-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { array } from '../ndarray/creation.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { loadFromBytes } from './load-from-bytes.js';
import { createMemoryBackend } from './memory-backend.test.js';
import { decodeNDArrayFile } from './ndarray-file-format.js';
import { collectSaveData, saveToBytes } from './save-to-bytes.js';

beforeAll(() => {
  // An async-read "gpu" (as WebGPU) with float64, then the default cpu.
  useBackend(
    createMemoryBackend({
      deviceType: 'gpu',
      syncRead: false,
      dtypes: ['float32', 'float64', 'int32'],
    }),
  );
  useBackend(createMemoryBackend({ deviceType: 'cpu' }));
});

describe('saveToBytes', () => {
  test('exact bytes of one float32 array (saved as a list of one)', async () => {
    const x = array([1, 2]);
    const bytes = await saveToBytes(x);
    // biome-ignore format: one field of the file per line
    expect(Array.from(bytes)).toEqual([
      0x12, 1, 0, 0, 0, 0, 0, 0, // kMXAPINDArrayListMagic
      0, 0, 0, 0, 0, 0, 0, 0, // reserved
      1, 0, 0, 0, 0, 0, 0, 0, // one array
      0xc9, 0xfa, 0x93, 0xf9, // NDARRAY_V2_MAGIC
      0, 0, 0, 0, // kDefaultStorage
      1, 0, 0, 0, // ndim 1
      2, 0, 0, 0, 0, 0, 0, 0, // dim 2 (int64)
      1, 0, 0, 0, 0, 0, 0, 0, // cpu(0): dev_type 1, dev_id 0
      0, 0, 0, 0, // kFloat32
      0, 0, 0x80, 0x3f, 0, 0, 0, 0x40, // 1.0f, 2.0f
      0, 0, 0, 0, 0, 0, 0, 0, // no names
    ]);
    x.dispose();
  });

  test('a dict round-trips with names, dtypes and values', async () => {
    const before = memory();
    const w = array([
      [1.5, -2],
      [3, 4],
    ]);
    const ids = array([7, -8], { dtype: 'int32' });
    const bytes = await saveToBytes({ 'arg:fc_weight': w, 'aux:ids': ids });
    const decoded = decodeNDArrayFile(bytes);
    expect(decoded.names).toEqual(['arg:fc_weight', 'aux:ids']);
    const out = loadFromBytes(bytes) as Record<string, NDArray>;
    expect(out['arg:fc_weight'].shape).toEqual([2, 2]);
    expect(Array.from(await out['arg:fc_weight'].data())).toEqual([1.5, -2, 3, 4]);
    expect(out['aux:ids'].dtype).toBe('int32');
    expect(Array.from(await out['aux:ids'].data())).toEqual([7, -8]);
    for (const x of [w, ids, ...Object.values(out)]) x.dispose();
    expect(memory()).toEqual(before);
  });

  test('arrays on an async-read backend are read with data(); the context is recorded', async () => {
    const x = array([0.1, 0.2], { ctx: gpu(0), dtype: 'float64' });
    const bytes = await saveToBytes([x]);
    const [a] = decodeNDArrayFile(bytes).arrays;
    expect(a).toMatchObject({ kind: 'dense', dtype: 'float64', context: { devType: 2, devId: 0 } });
    const [back] = loadFromBytes(bytes, { ctx: gpu(0) }) as NDArray[];
    expect(Array.from(await back.data())).toEqual([0.1, 0.2]);
    x.dispose();
    back.dispose();
  });

  test('a Map keeps its order; an empty dict saves as an empty list', async () => {
    const a = array([1]);
    const b = array([2]);
    const bytes = await saveToBytes(
      new Map([
        ['z', a],
        ['a', b],
      ]),
    );
    expect(decodeNDArrayFile(bytes).names).toEqual(['z', 'a']);
    expect(loadFromBytes(await saveToBytes({}))).toEqual([]);
    a.dispose();
    b.dispose();
  });

  test('0-d arrays need npShape (V3)', async () => {
    const s = array([3], { shape: [] });
    await expect(saveToBytes([s])).rejects.toThrow(InvalidArgumentError);
    const bytes = await saveToBytes([s], { npShape: true });
    expect(decodeNDArrayFile(bytes).arrays[0]).toMatchObject({ version: 'v3', shape: [] });
    const [back] = loadFromBytes(bytes) as NDArray[];
    expect(back.shape).toEqual([]);
    expect(Array.from(await back.data())).toEqual([3]);
    s.dispose();
    back.dispose();
  });

  test('bad data raises MXNet TypeError text as InvalidArgumentError', async () => {
    const x = array([1]);
    await expect(saveToBytes([x, 1] as never)).rejects.toThrow(
      'save only accept dict str->NDArray or list of NDArray; element 1 is number',
    );
    await expect(saveToBytes({ w: 'x' } as never)).rejects.toThrow(InvalidArgumentError);
    await expect(saveToBytes(new Map([[1, x]]) as never)).rejects.toThrow('a key is number');
    await expect(saveToBytes(5 as never)).rejects.toThrow(
      'data needs to either be a NDArray, dict of str, NDArray pairs or a list of NDArrays',
    );
    x.dispose();
    await expect(saveToBytes([x])).rejects.toThrow(DisposedArrayError);
  });

  test('collectSaveData splits lists and dicts', () => {
    const x = array([1]);
    expect(collectSaveData('save', [x]).names).toBeNull();
    expect(collectSaveData('save', { a: x }).names).toEqual(['a']);
    x.dispose();
  });
});
