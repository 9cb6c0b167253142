import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cpu } from '../backend/context.js';
import { memory, useBackend } from '../backend/registry.js';
import { CorruptFileError } from '../errors/corrupt-file-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { load } from './load.js';
import { createMemoryBackend } from './memory-backend.test.js';
import { encodeNDArrayFile } from './ndarray-file-format.js';

let dir: string;
beforeAll(async () => {
  useBackend(createMemoryBackend());
  dir = await mkdtemp(join(tmpdir(), 'mxts-load-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('load reads a list file on the given context', async () => {
  const path = join(dir, 'list.nd');
  await writeFile(
    path,
    encodeNDArrayFile({
      arrays: [{ shape: [2], dtype: 'float32', data: new Float32Array([1, 2]) }],
    }),
  );
  const out = (await load(path, { ctx: cpu(0) })) as NDArray[];
  expect(out[0].context.toString()).toBe('cpu(0)');
  expect(Array.from(await out[0].data())).toEqual([1, 2]);
  out[0].dispose();
});

test('a truncated file raises CorruptFileError; a missing one, FileAccessError wrapping ENOENT', async () => {
  const before = memory();
  const path = join(dir, 'cut.params');
  const bytes = encodeNDArrayFile({
    arrays: [{ shape: [2], dtype: 'float32', data: new Float32Array([1, 2]) }],
    names: ['w'],
  });
  await writeFile(path, bytes.subarray(0, bytes.length - 3));
  await expect(load(path)).rejects.toThrow(CorruptFileError);
  await expect(load(join(dir, 'missing.params'))).rejects.toMatchObject({
    name: 'FileAccessError',
    code: 'ENOENT',
  });
  expect(memory()).toEqual(before);
});
