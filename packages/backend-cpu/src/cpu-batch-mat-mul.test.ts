import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createCpuBackend } from './index.js';

const { nd } = mx;
const live = () => mx.memory().arrays;

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

/** Small varied values, exact in float32. */
const values = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => Math.fround(0.125 * (((i + seed) * 7) % 13) - 0.75));

/** op(a) · op(b) in float64, batch s of the output reading batch s mod each operand's batch. */
function reference(
  a: number[],
  sa: number[],
  b: number[],
  sb: number[],
  tA: boolean,
  tB: boolean,
): number[] {
  const [batchA, ar, ac] = sa;
  const [batchB, br, bc] = sb;
  const m = tA ? ac : ar;
  const inner = tA ? ar : ac;
  const n = tB ? br : bc;
  const out: number[] = [];
  for (let s = 0; s < Math.max(batchA, batchB); s++) {
    const ao = (s % batchA) * ar * ac;
    const bo = (s % batchB) * br * bc;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let p = 0; p < inner; p++) {
          acc +=
            (tA ? a[ao + p * ac + i] : a[ao + i * ac + p]) *
            (tB ? b[bo + j * bc + p] : b[bo + p * bc + j]);
        }
        out.push(acc);
      }
    }
  }
  return out;
}

describe("backend-cpu's BatchMatMul (dot products of contiguous rows)", () => {
  // Odd row and column counts take the edge paths of the two-by-two blocks.
  const shapes: [string, number[], number[]][] = [
    ['even', [2, 4, 6], [2, 6, 8]],
    ['odd rows and columns', [3, 5, 7], [3, 7, 3]],
    ['one row, one column', [2, 1, 5], [2, 5, 1]],
  ];
  const flags = [
    [false, false],
    [false, true],
    [true, false],
    [true, true],
  ];
  for (const [label, sa, sb] of shapes) {
    for (const [tA, tB] of flags) {
      test(`${label}, transposeA ${tA}, transposeB ${tB}: the float64 product`, () => {
        const before = live();
        // Lay the operands out as the flags read them.
        const shapeA = tA ? [sa[0], sa[2], sa[1]] : sa;
        const shapeB = tB ? [sb[0], sb[2], sb[1]] : sb;
        const av = values(sa[0] * sa[1] * sa[2], 1);
        const bv = values(sb[0] * sb[1] * sb[2], 5);
        const want = reference(av, shapeA, bv, shapeB, tA, tB);
        mx.scope(() => {
          const y = nd.batchDot(nd.array(av).reshape(shapeA), nd.array(bv).reshape(shapeB), {
            transposeA: tA,
            transposeB: tB,
          });
          expect(y.shape).toEqual([sa[0], sa[1], sb[2]]);
          const got = y.dataSync();
          want.forEach((w, i) => {
            expect(Math.abs(got[i] - w)).toBeLessThanOrEqual(1e-6 + 1e-6 * Math.abs(w));
          });
        });
        expect(live()).toBe(before);
      });
    }
  }

  test('dot of a 2-D array with a batch of one, transposed, as FullyConnected runs it', () => {
    const before = live();
    const x = values(3 * 4, 2);
    const w = values(5 * 4, 3);
    const want = reference(x, [1, 3, 4], w, [1, 5, 4], false, true);
    mx.scope(() => {
      const got = nd.dot(nd.array(x).reshape([3, 4]), nd.array(w).reshape([5, 4]), {
        transposeB: true,
      });
      expect(got.shape).toEqual([3, 5]);
      const v = got.dataSync();
      want.forEach((e, i) => {
        expect(Math.abs(v[i] - e)).toBeLessThanOrEqual(1e-6 + 1e-6 * Math.abs(e));
      });
    });
    expect(live()).toBe(before);
  });

  test('NaN and Inf reach exactly the outputs whose rows and columns hold them', () => {
    const before = live();
    mx.scope(() => {
      // Row 0 of a holds NaN; column 1 of b holds Inf, met by a zero in row 1 (0 * Inf = NaN).
      const a = nd.array([
        [Number.NaN, 1],
        [0, 2],
        [1, 1],
      ]);
      const b = nd.array([
        [1, Number.POSITIVE_INFINITY],
        [1, 1],
      ]);
      const v = Array.from(nd.dot(a, b).dataSync());
      expect(v.map((x) => (Number.isNaN(x) ? 'nan' : x))).toEqual([
        'nan',
        'nan',
        2,
        'nan',
        2,
        Number.POSITIVE_INFINITY,
      ]);
    });
    expect(live()).toBe(before);
  });

  test('int32 products keep the engine kernel, exact', () => {
    const before = live();
    mx.scope(() => {
      const a = nd.array([[1, 2, 3]], { dtype: 'int32' });
      const b = nd.array([[4], [5], [6]], { dtype: 'int32' });
      const y = nd.dot(a, b);
      expect(y.dtype).toBe('int32');
      expect(Array.from(y.dataSync())).toEqual([32]);
    });
    expect(live()).toBe(before);
  });
});
