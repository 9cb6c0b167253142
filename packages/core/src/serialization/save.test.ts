import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { memory, useBackend } from '../backend/registry.js';
import { array } from '../ndarray/creation.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { load } from './load.js';
import { createMemoryBackend } from './memory-backend.test.js';
import { decodeNDArrayFile } from './ndarray-file-format.js';
import { save } from './save.js';
import { saveToBytes } from './save-to-bytes.js';

let dir: string;
beforeAll(async () => {
  useBackend(createMemoryBackend());
  dir = await mkdtemp(join(tmpdir(), 'mxts-save-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('save writes the bytes saveToBytes makes; load reads them back', async () => {
  const before = memory();
  const x = array([[1, 2, 3]]);
  const y = array([4, 5], { dtype: 'int32' });
  const path = join(dir, 'net.params');
  await save(path, { 'arg:x': x, 'arg:y': y });
  const bytes = new Uint8Array(await readFile(path));
  expect(bytes).toEqual(await saveToBytes({ 'arg:x': x, 'arg:y': y }));
  expect(decodeNDArrayFile(bytes).names).toEqual(['arg:x', 'arg:y']);
  const out = (await load(path)) as Record<string, NDArray>;
  expect(out['arg:x'].shape).toEqual([1, 3]);
  expect(Array.from(await out['arg:y'].data())).toEqual([4, 5]);
  for (const a of [x, y, out['arg:x'], out['arg:y']]) a.dispose();
  expect(memory()).toEqual(before);
});

test('a single array saves as a list of one (a file URL works too)', async () => {
  const x = array([9]);
  const url = new URL(`file://${join(dir, 'single')}`);
  await save(url, x);
  const out = (await load(url)) as NDArray[];
  expect(out.length).toBe(1);
  expect(Array.from(await out[0].data())).toEqual([9]);
  x.dispose();
  out[0].dispose();
});
