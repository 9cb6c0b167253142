import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { RANDINT_VECTORS } from '../../../../../conformance/src/fixtures/randint-shuffle-vectors.js';
import { memory, useBackend } from '../../backend/registry.js';
import { DTypeError } from '../../errors/dtype-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ShapeError } from '../../errors/shape-error.js';
import { array } from '../../ndarray/creation.js';
import { getState, type RandomGeneratorState, seed, setState } from '../../random/index.js';
import { createMemoryBackend } from '../../serialization/memory-backend.test.js';
import { randint } from './randint.js';

let saved: RandomGeneratorState;
beforeAll(() => {
  useBackend(createMemoryBackend());
});
beforeEach(() => {
  saved = getState();
});
afterEach(() => {
  setState(saved);
});

test('randint gives the reference stream as an int32 array of the requested shape', async () => {
  const before = memory().arrays;
  const v = RANDINT_VECTORS.find((c) => c.n === 200 && c.low === -10);
  if (v === undefined) throw new Error('fixture lacks the seed-0 [-10, 10) n=200 vector');
  seed(v.seed);
  const x = randint(v.low, v.high, { shape: [20, 10] });
  expect(x.dtype).toBe('int32');
  expect(x.shape).toEqual([20, 10]);
  expect(Array.from(await x.data())).toEqual(v.values);
  x.dispose();
  seed(0);
  const one = randint(5, 100);
  expect(one.shape).toEqual([1]);
  expect(Array.from(await one.data())).toEqual([16]);
  one.dispose();
  expect(memory().arrays).toBe(before);
});

test('out: the samples are written into it, with its shape', async () => {
  const before = memory().arrays;
  const out = array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], { dtype: 'int32' });
  seed(0);
  const y = randint(5, 100, { out });
  expect(y).toBe(out);
  const ref = RANDINT_VECTORS.find((c) => c.n === 10 && c.low === 5);
  expect(Array.from(await out.data())).toEqual(ref?.values);
  out.dispose();
  expect(memory().arrays).toBe(before);
});

test('bad arguments raise typed errors before anything is allocated or drawn', () => {
  const out = array([1, 2], { dtype: 'float32' });
  const before = memory().arrays;
  const state = getState();
  expect(() => randint(3, 3)).toThrow(InvalidArgumentError);
  expect(() => randint(4, 3)).toThrow(/low must be less or equal to high/);
  expect(() => randint(0.5, 3)).toThrow(InvalidArgumentError);
  expect(() => randint(0, 2 ** 60)).toThrow(InvalidArgumentError);
  expect(() => randint(0, 3, { shape: [2, -1] })).toThrow(InvalidArgumentError);
  expect(() => randint(0, 3, { dtype: 'int64' as 'int32' })).toThrow(DTypeError);
  expect(() => randint(0, 3, { out })).toThrow(DTypeError);
  const out32 = array([1, 2], { dtype: 'int32' });
  expect(() => randint(0, 3, { out: out32, shape: [3] })).toThrow(ShapeError);
  expect(memory().arrays).toBe(before + 1);
  expect(getState()).toEqual(state);
  out.dispose();
  out32.dispose();
});
