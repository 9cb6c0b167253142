import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createWasmBackend } from './index.js';

const { nd } = mx;

beforeAll(async () => {
  mx.useBackend(await createWasmBackend());
});

/** op(a) · op(b) of row-major matrices in float64. */
function product(a: number[][], b: number[][], tA: boolean, tB: boolean): number[] {
  const at = (m: number[][], t: boolean, i: number, j: number) => (t ? m[j][i] : m[i][j]);
  const rows = tA ? a[0].length : a.length;
  const inner = tA ? a.length : a[0].length;
  const cols = tB ? b.length : b[0].length;
  const out: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let p = 0; p < inner; p++) s += at(a, tA, i, p) * at(b, tB, p, j);
      out.push(s);
    }
  }
  return out;
}

describe('wasm dot and batchDot with transposes (unflagged products, explicit transposes)', () => {
  const a = [
    [1, -2, 3, 0.5],
    [4, 5, -6, 2],
    [0.25, 1, 2, -1],
  ];
  const b = [
    [2, 1, 0, -1],
    [1, 3, -2, 0.5],
  ];
  const cases: [boolean, boolean, number[][], number[][]][] = [
    [false, true, a, b],
    [true, false, a, a],
    [
      true,
      true,
      a,
      [
        [1, 2, 3],
        [0, -1, 2],
      ],
    ],
    [
      false,
      false,
      b,
      [
        [1, 2],
        [3, -1],
        [0.5, 2],
        [-2, 1],
      ],
    ],
  ];
  for (const dtype of ['float32', 'int32'] as const) {
    test.each(cases)(`${dtype}: transposeA %s, transposeB %s`, (tA, tB, x, y) => {
      const before = mx.memory().arrays;
      const round =
        dtype === 'int32'
          ? (m: number[][]) => m.map((r) => r.map(Math.trunc))
          : (m: number[][]) => m;
      const [xa, ya] = [round(x), round(y)];
      const want = product(xa, ya, tA, tB);
      mx.scope(() => {
        const got2 = nd.dot(nd.array(xa, { dtype }), nd.array(ya, { dtype }), {
          transposeA: tA,
          transposeB: tB,
        });
        expect(got2.dtype).toBe(dtype);
        expect(Array.from(got2.dataSync())).toEqual(want.map(Math.fround));
        // The same product as a batch of two.
        const stack = (m: number[][]) => nd.stack([nd.array(m, { dtype }), nd.array(m, { dtype })]);
        const got3 = nd.batchDot(stack(xa), stack(ya), { transposeA: tA, transposeB: tB });
        expect(Array.from(got3.dataSync())).toEqual([...want, ...want].map(Math.fround));
      });
      expect(mx.memory().arrays).toBe(before);
    });
  }
});
