import * as mx from '@mxts/core';
import { KernelContext } from '@mxts/tfjs-adapter';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { findBackendFactory, type TensorInfo } from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { createWasmBackend } from '../index.js';
import { wasmKernelPatches } from '../wasm-kernel-patches.js';
import { createWasmSgemm, type WasmSgemm } from './wasm-sgemm.js';

const { nd } = mx;

let tfBackend: BackendWasm;
let sgemm: WasmSgemm;
let k: KernelContext;

beforeAll(async () => {
  mx.useBackend(await createWasmBackend());
  // The process's one TF.js wasm instance, which createWasmBackend registered as TF.js's.
  tfBackend = (findBackendFactory('wasm') as () => BackendWasm)();
  const made = createWasmSgemm(tfBackend);
  if (made === null) throw new Error('sgemm did not instantiate on Node 20 (it has SIMD)');
  sgemm = made;
  k = new KernelContext(tfBackend, 'wasm', wasmKernelPatches(sgemm));
});

/** A deterministic float32 stream in [-2, 2) (xorshift32), so fast-check shrinks seeds only. */
function values(seed: number, n: number): Float32Array {
  let s = seed | 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = ((s >>> 0) / 2 ** 32) * 4 - 2;
  }
  return out;
}

interface Case {
  m: number;
  n: number;
  k: number;
  tA: boolean;
  tB: boolean;
  /** 0: 2-D operands; else the batch sizes of a and b (3-D). */
  batchA: number;
  batchB: number;
}

/** The stored shapes of a and b for a case. */
function shapes(c: Case): [number[], number[]] {
  const a2 = c.tA ? [c.k, c.m] : [c.m, c.k];
  const b2 = c.tB ? [c.n, c.k] : [c.k, c.n];
  if (c.batchA === 0) return [a2, b2];
  return [
    [c.batchA, ...a2],
    [c.batchB, ...b2],
  ];
}

/**
 * op(a)·op(b) per batch: the float64 sum, the sum of |terms| (for the error bound), and the
 * float32 sum in k order from +0 (what sgemm.wat computes, step by step).
 */
function reference(c: Case, a: Float32Array, b: Float32Array) {
  const batch = c.batchA === 0 ? 1 : Math.max(c.batchA, c.batchB);
  const size = batch * c.m * c.n;
  const exact = new Float64Array(size);
  const magnitude = new Float64Array(size);
  const f32 = new Float32Array(size);
  const aMat = c.m * c.k;
  const bMat = c.k * c.n;
  for (let t = 0; t < batch; t++) {
    const ao = c.batchA === 1 || c.batchA === 0 ? 0 : t * aMat;
    const bo = c.batchB === 1 || c.batchB === 0 ? 0 : t * bMat;
    for (let i = 0; i < c.m; i++) {
      for (let j = 0; j < c.n; j++) {
        let s = 0;
        let mag = 0;
        let s32 = 0;
        for (let p = 0; p < c.k; p++) {
          const x = a[ao + (c.tA ? p * c.m + i : i * c.k + p)];
          const y = b[bo + (c.tB ? j * c.k + p : p * c.n + j)];
          s += x * y;
          mag += Math.abs(x * y);
          s32 = Math.fround(s32 + Math.fround(x * y));
        }
        const o = (t * c.m + i) * c.n + j;
        exact[o] = s;
        magnitude[o] = mag;
        f32[o] = s32;
      }
    }
  }
  return { exact, magnitude, f32, shape: c.batchA === 0 ? [c.m, c.n] : [batch, c.m, c.n] };
}

/** Runs the BatchMatMul patch on uploaded operands; returns the output values and shape. */
function run(c: Case, a: Float32Array, b: Float32Array): { got: Float32Array; shape: number[] } {
  const [sa, sb] = shapes(c);
  const before = tfBackend.numDataIds();
  const out = k.temps((tmp) => {
    const y = k.call(
      'BatchMatMul',
      { a: tmp(k.write(a, sa, 'float32')), b: tmp(k.write(b, sb, 'float32')) },
      { transposeA: c.tA, transposeB: c.tB },
    );
    try {
      return { got: tfBackend.readSync(y.dataId) as Float32Array, shape: y.shape };
    } finally {
      k.dispose(y);
    }
  });
  expect(tfBackend.numDataIds()).toBe(before);
  return out;
}

/** Checks a case against both references: bitwise the k-order float32 sum, and float64 within K-scaled bounds. */
function check(c: Case, a: Float32Array, b: Float32Array): void {
  const { got, shape } = run(c, a, b);
  const want = reference(c, a, b);
  expect(shape).toEqual(want.shape);
  expect(got.length).toBe(want.exact.length);
  for (let o = 0; o < got.length; o++) {
    const g = got[o];
    if (Number.isNaN(want.exact[o])) {
      expect(g, `element ${o}`).toBeNaN();
      continue;
    }
    if (!Number.isFinite(want.exact[o])) {
      expect(g, `element ${o}`).toBe(want.exact[o]);
      continue;
    }
    expect(Object.is(g, want.f32[o]), `element ${o}: ${g} vs ${want.f32[o]}`).toBe(true);
    // Each float32 rounding (a product, a sum) errs by at most 2^-24 of its size.
    const bound = 2 * (c.k + 1) * 2 ** -24 * want.magnitude[o] + 1e-30;
    expect(Math.abs(g - want.exact[o]), `element ${o}`).toBeLessThanOrEqual(bound);
  }
}

const DIMS = [1, 3, 7, 8, 9, 63, 65, 784];

describe('sgemm.wat, the wasm backend float32 product', () => {
  test('random shapes, every transpose pair, 2-D and 3-D with a broadcast batch of 1', () => {
    const dim = fc.constantFrom(...DIMS);
    const arb = fc
      .record({
        m: dim,
        n: dim,
        k: dim,
        tA: fc.boolean(),
        tB: fc.boolean(),
        batchA: fc.constantFrom(0, 1, 2, 3),
        batchB: fc.constantFrom(1, 2, 3),
        seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      })
      .map((r) => ({
        ...r,
        batchB: r.batchA === 0 ? 0 : r.batchA === 1 ? r.batchB : r.batchB === 1 ? 1 : r.batchA,
      }))
      .filter((r) => r.m * r.n * r.k * Math.max(1, r.batchA, r.batchB) <= 5e5);
    fc.assert(
      fc.property(arb, (c) => {
        const [sa, sb] = shapes(c);
        const a = values(
          c.seed,
          sa.reduce((p, d) => p * d, 1),
        );
        const b = values(
          c.seed ^ 0x5bd1e995,
          sb.reduce((p, d) => p * d, 1),
        );
        check(c, a, b);
      }),
      { numRuns: 60 },
    );
  });

  test("the 784-256-10 MLP step's products, with the flags its layers use", () => {
    const cases: [number, number, number, boolean, boolean][] = [
      [64, 256, 784, false, true], // x · W1ᵀ
      [256, 784, 64, true, false], // dH1ᵀ · x
      [64, 10, 256, false, true], // h · W2ᵀ
      [64, 256, 10, false, false], // dY · W2
      [10, 256, 64, true, false], // dYᵀ · h
    ];
    for (const [m, n, kk, tA, tB] of cases) {
      const c: Case = { m, n, k: kk, tA, tB, batchA: 0, batchB: 0 };
      check(c, values(m * 7 + n, m * kk), values(n * 13 + kk, kk * n));
    }
  });

  test('rows of A in several chunks (packed A is bounded: 80 rows at K = 784)', () => {
    for (const [m, n, kk, tA, tB] of [
      [203, 9, 784, true, false],
      [171, 17, 700, false, true],
    ] as const) {
      const c: Case = { m, n, k: kk, tA, tB, batchA: 0, batchB: 0 };
      check(c, values(m + n, m * kk), values(kk - n, kk * n));
    }
  });

  test('NaN and Inf propagate as in float64; Inf times 0 is NaN', () => {
    const c: Case = { m: 5, n: 9, k: 3, tA: false, tB: true, batchA: 0, batchB: 0 };
    const a = values(3, 15);
    const b = values(4, 27);
    a[0] = Number.NaN; // A[0][0]: row 0 of C is NaN
    a[4] = Number.POSITIVE_INFINITY; // A[1][1]: row 1 of C is ±Inf ...
    b[2 * 3 + 1] = 0; // ... but C[1][2] = ... + Inf·0, NaN
    a[9] = Number.NEGATIVE_INFINITY; // A[3][0]: row 3 of C is ±Inf
    check(c, a, b);
    const { got } = run(c, a, b);
    expect(Array.from(got.slice(0, 9)).every(Number.isNaN)).toBe(true);
    expect(got[1 * 9 + 2]).toBeNaN();
    const infinite = (v: number) =>
      v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY;
    expect(Array.from(got.slice(9, 18)).filter(infinite).length).toBe(8);
    expect(Array.from(got.slice(27, 36)).every(infinite)).toBe(true);
  });

  test('-0 operands: sums start at +0, as BLAS with beta = 0 (MXNet dot) gives', () => {
    const c: Case = { m: 2, n: 9, k: 2, tA: true, tB: false, batchA: 0, batchB: 0 };
    const a = new Float32Array([-0, 0, -0, -0]);
    const b = new Float32Array(18).fill(-0);
    b[0] = 1;
    b[17] = -3;
    check(c, a, b);
    const { got } = run(c, a, b);
    expect(Array.from(got).every((v) => Object.is(v, 0))).toBe(true);
  });

  test('K = 0 gives zeros; M = 0 or N = 0 an empty product of the right shape', () => {
    for (const [m, n, kk] of [
      [3, 9, 0],
      [0, 4, 5],
      [4, 0, 5],
      [0, 0, 0],
    ]) {
      for (const batchA of [0, 2]) {
        const c: Case = { m, n, k: kk, tA: true, tB: true, batchA, batchB: batchA };
        const [sa, sb] = shapes(c);
        const a = values(
          1,
          sa.reduce((p, d) => p * d, 1),
        );
        const b = values(
          2,
          sb.reduce((p, d) => p * d, 1),
        );
        const { got, shape } = run(c, a, b);
        expect(shape).toEqual(batchA === 0 ? [m, n] : [2, m, n]);
        expect(Array.from(got)).toEqual(new Array(got.length).fill(0));
      }
    }
  });

  test("each product's scratch goes back to the heap at once", () => {
    type Heap = { _malloc(n: number): number; _free(p: number): void };
    const wasm = tfBackend.wasm as unknown as Heap;
    const { _malloc: malloc, _free: free } = wasm;
    const held = new Map<number, number>();
    let peak = 0;
    wasm._malloc = (n) => {
      const ptr = malloc(n);
      held.set(ptr >>> 0, n);
      peak = Math.max(peak, held.size);
      return ptr;
    };
    wasm._free = (ptr) => {
      held.delete(ptr >>> 0);
      free(ptr);
    };
    const ids = tfBackend.numDataIds();
    try {
      for (const [sa, sb, tB] of [
        [[64, 784], [256, 784], true],
        [[3, 64, 9], [1, 9, 65], false],
      ] as const) {
        const a = k.write(
          values(
            21,
            sa.reduce((p, d) => p * d, 1),
          ),
          sa,
          'float32',
        );
        const b = k.write(
          values(
            22,
            sb.reduce((p, d) => p * d, 1),
          ),
          sb,
          'float32',
        );
        const y = k.call('BatchMatMul', { a, b }, { transposeA: false, transposeB: tB });
        // Live now: a, b, y; the scratch was a fourth block, freed before the kernel returned.
        expect(held.size).toBe(3);
        expect(peak).toBe(4);
        for (const t of [a, b, y]) k.dispose(t);
        expect(held.size).toBe(0);
        peak = 0;
      }
    } finally {
      wasm._malloc = malloc;
      wasm._free = free;
    }
    expect(tfBackend.numDataIds()).toBe(ids);
  });

  test('operands it does not take fall back to TF.js: mixed ranks and batches', () => {
    const make = (shape: number[]): TensorInfo =>
      k.write(
        values(
          5,
          shape.reduce((p, d) => p * d, 1),
        ),
        shape,
        'float32',
      );
    const a = make([2, 3, 4]);
    const b = make([3, 4, 5]);
    expect(sgemm.batchMatMul(a, b, false, false)).toBeNull();
    const i = k.write(new Int32Array(12), [3, 4], 'int32');
    const j = k.write(new Int32Array(20), [4, 5], 'int32');
    expect(sgemm.batchMatMul(i, j, false, false)).toBeNull();
    for (const t of [a, b, i, j]) k.dispose(t);
  });

  test('nd.dot and nd.batchDot on the wasm backend: MXNet layouts, memory back to its baseline', () => {
    const before = mx.memory();
    mx.scope(() => {
      const x = nd.array(values(11, 16 * 784), { dtype: 'float32' }).reshape([16, 784]);
      const w = nd.array(values(12, 64 * 784), { dtype: 'float32' }).reshape([64, 784]);
      const y = nd.dot(x, w, { transposeB: true });
      expect(y.shape).toEqual([16, 64]);
      const want = reference(
        { m: 16, n: 64, k: 784, tA: false, tB: true, batchA: 0, batchB: 0 },
        x.dataSync() as Float32Array,
        w.dataSync() as Float32Array,
      );
      expect(Array.from(y.dataSync())).toEqual(Array.from(want.f32));
      const p = nd.batchDot(x.reshape([2, 8, 784]), w.reshape([2, 32, 784]), { transposeB: true });
      expect(p.shape).toEqual([2, 8, 32]);
      // Batch t pairs rows 8t.. of x with rows 32t.. of w: a block of y.
      const got = p.dataSync();
      const blocks: number[] = [];
      for (let t = 0; t < 2; t++) {
        for (let i = 0; i < 8; i++) {
          for (let j = 0; j < 32; j++) blocks.push(want.f32[(8 * t + i) * 64 + 32 * t + j]);
        }
      }
      expect(Array.from(got)).toEqual(blocks);
    });
    expect(mx.memory()).toEqual(before);
  });
});
