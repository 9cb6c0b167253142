// Issue 16's `.params` fuzzer: mutated, truncated and oversized-header MXNet NDArray files
// must load consistently or raise an MXNetError, never crash, hang or allocate hugely.
// Seeded and replayable: MXTS_FUZZ_SEED=<seed> MXTS_FUZZ_ONLY=<iteration> reruns one input;
// MXTS_FUZZ_ITERATIONS sets the count (3,000 by default); a hang fails by the test timeout.
import { beforeAll, expect, test } from 'vitest';
import { memory, useBackend } from '../backend/registry.js';
import { MXNetError } from '../errors/mxnet-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { loadFromBytes } from './load-from-bytes.js';
import { createMemoryBackend } from './memory-backend.test.js';
import { encodeNDArrayFile, type NDArrayFileArray } from './ndarray-file-format.js';

const env = (k: string) => (typeof process === 'undefined' ? undefined : process.env[k]);
const SEED = Number(env('MXTS_FUZZ_SEED') ?? 20261207);
const ITERATIONS = Number(env('MXTS_FUZZ_ITERATIONS') ?? 3000);
const ONLY = env('MXTS_FUZZ_ONLY') === undefined ? null : Number(env('MXTS_FUZZ_ONLY'));

beforeAll(() => {
  useBackend(createMemoryBackend({ deviceType: 'cpu', dtypes: ['float32', 'float64', 'int32'] }));
});

/** mulberry32: a small seeded generator, so every input is rebuilt from (seed, iteration). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const f32 = (shape: number[]): NDArrayFileArray => ({
  shape,
  dtype: 'float32',
  data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i * 0.5),
});

// Valid files to mutate: list and dict files, each dtype, 1-d to 4-d, empty arrays, V3.
const CORPUS: Uint8Array[] = [
  encodeNDArrayFile({ arrays: [f32([2, 3])] }),
  encodeNDArrayFile({ arrays: [f32([4]), f32([1, 2, 1, 2])], names: ['arg:w', 'aux:m'] }),
  encodeNDArrayFile({ arrays: [{ shape: [3], dtype: 'int32', data: new Int32Array([1, -2, 3]) }] }),
  encodeNDArrayFile({
    arrays: [{ shape: [2], dtype: 'float64', data: new Float64Array([0.1, 2]) }],
  }),
  encodeNDArrayFile({ arrays: [f32([0, 3]), f32([1])], names: ['empty', 'one'] }),
  encodeNDArrayFile({ arrays: [f32([])] }, { npShape: true }),
  encodeNDArrayFile({ arrays: [] }),
];

// Values that break length fields: zero, all ones, sign bits, sizes just past 2^31 and 2^32.
const BIG_U64 = [
  0n,
  1n,
  0x7fffffffn,
  0x80000000n,
  0xffffffffn,
  0x100000000n,
  2n ** 62n,
  2n ** 64n - 1n,
];
const BIG_U32 = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xffff];

interface Mutant {
  bytes: Uint8Array;
  how: string;
}

function mutate(r: () => number): Mutant {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const base = pick(CORPUS);
  const b = new Uint8Array(base);
  const v = new DataView(b.buffer);
  const at = (room: number) => Math.floor(r() * Math.max(1, b.length - room + 1));
  const kind = Math.floor(r() * 7);
  if (kind === 0) {
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n && b.length > 0; i++) b[at(1)] ^= 1 << Math.floor(r() * 8);
    return { bytes: b, how: `${n} bit flips` };
  }
  if (kind === 1) {
    const len = Math.floor(r() * base.length);
    return { bytes: b.slice(0, len), how: `truncated to ${len} bytes` };
  }
  if (kind === 2 && b.length >= 8) {
    const o = at(8) & ~3;
    const x = pick(BIG_U64);
    if (o + 8 <= b.length) v.setBigUint64(o, x, true);
    return { bytes: b, how: `u64 ${x} at ${o}` };
  }
  if (kind === 3 && b.length >= 4) {
    const o = at(4) & ~3;
    const x = pick(BIG_U32);
    if (o + 4 <= b.length) v.setUint32(o, x, true);
    return { bytes: b, how: `u32 ${x} at ${o}` };
  }
  if (kind === 4) {
    const extra = Uint8Array.from({ length: Math.floor(r() * 64) }, () => Math.floor(r() * 256));
    const out = new Uint8Array(b.length + extra.length);
    out.set(b);
    out.set(extra, b.length);
    return { bytes: out, how: `${extra.length} random bytes appended` };
  }
  if (kind === 5) {
    // An oversized header: the array count (byte 16) or a shape's ndim/dim fields.
    const o = pick([16, 24, 28, 32, 36, 40, 44].filter((x) => x + 8 <= b.length)) ?? 0;
    const x = pick(BIG_U64.slice(2));
    if (o + 8 <= b.length) v.setBigUint64(o, x, true);
    return { bytes: b, how: `oversized header field ${x} at ${o}` };
  }
  const n = Math.floor(r() * b.length);
  for (let i = 0; i < n; i++) b[at(1)] = Math.floor(r() * 256);
  return { bytes: b, how: `${n} random bytes` };
}

function disposeAll(r: NDArray[] | Record<string, NDArray>): NDArray[] {
  const list = Array.isArray(r) ? r : Object.values(r);
  for (const x of list) x.dispose();
  return list;
}

test(`.params fuzzer: ${ITERATIONS} mutated files give typed errors or consistent loads (seed ${SEED})`, () => {
  const baseline = memory().arrays;
  let loaded = 0;
  let refused = 0;
  let ran = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const r = rng(SEED * 1_000_003 + i);
    const m = mutate(r);
    if (ONLY !== null && i !== ONLY) continue;
    const replay = `replay: MXTS_FUZZ_SEED=${SEED} MXTS_FUZZ_ONLY=${i} (${m.how})`;
    const bytes0 = memory().bytes;
    try {
      const result = loadFromBytes(m.bytes);
      const list = Array.isArray(result) ? result : Object.values(result);
      // Consistent: every array's element count fits the bytes it was read from (float16
      // widens to float32, so at most twice the file), and no array is huge.
      let elements = 0;
      for (const x of list) elements += x.size;
      expect(elements * 4, replay).toBeLessThanOrEqual(2 * m.bytes.length);
      expect(memory().bytes - bytes0, `${replay}: device bytes`).toBeLessThanOrEqual(
        2 * m.bytes.length,
      );
      disposeAll(result);
      loaded++;
    } catch (e) {
      if (!(e instanceof MXNetError)) {
        throw new Error(`${replay}: raised ${(e as Error)?.name}: ${(e as Error)?.message}`);
      }
      refused++;
    }
    expect(memory().arrays, `${replay}: arrays left alive`).toBe(baseline);
    ran++;
  }
  console.log(`.params fuzzer seed ${SEED}: ${ran} inputs, ${loaded} loaded, ${refused} refused`);
  expect(ran).toBe(ONLY === null ? ITERATIONS : 1);
  // The mutations reach both outcomes; a fuzzer that only ever refuses tests nothing.
  if (ONLY === null) {
    expect(loaded).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }
  // A hang fails through this test's timeout: tests never compare wall-clock times.
}, 120_000);
