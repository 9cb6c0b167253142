import { expect, test } from 'vitest';
import { orthonormalFactor } from './orthonormal-basis.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

function gram(r: Float64Array, m: number, n: number, rows: boolean): number[][] {
  const k = rows ? m : n;
  const out: number[][] = [];
  for (let p = 0; p < k; p++) {
    out.push([]);
    for (let q = 0; q < k; q++) {
      let s = 0;
      for (let t = 0; t < (rows ? n : m); t++) {
        s += rows ? r[p * n + t] * r[q * n + t] : r[t * n + p] * r[t * n + q];
      }
      out[p].push(s);
    }
  }
  return out;
}

test.each([
  [3, 5],
  [5, 3],
  [4, 4],
  [1, 6],
  [6, 1],
  [16, 40],
])('%i x %i: orthonormal rows (wide) or columns (tall)', (m, n) => {
  const rnd = lcg(m * 100 + n);
  const a = Float64Array.from({ length: m * n }, rnd);
  const r = orthonormalFactor(a, m, n);
  const g = gram(r, m, n, m < n);
  g.forEach((row, p) => {
    row.forEach((v, q) => {
      expect(Math.abs(v - (p === q ? 1 : 0))).toBeLessThan(1e-12);
    });
  });
});

test('a tall matrix gives u with A = u·(uᵀA): the column space is kept', () => {
  const a = Float64Array.from([1, 0, 0, 1, 1, 1]); // 3x2
  const u = orthonormalFactor(a, 3, 2);
  // Project a's columns onto span(u): they are unchanged.
  for (let j = 0; j < 2; j++) {
    const col = [a[j], a[2 + j], a[4 + j]];
    const proj = [0, 0, 0];
    for (let k = 0; k < 2; k++) {
      const uk = [u[k], u[2 + k], u[4 + k]];
      const d = uk[0] * col[0] + uk[1] * col[1] + uk[2] * col[2];
      for (let i = 0; i < 3; i++) proj[i] += d * uk[i];
    }
    proj.forEach((v, i) => {
      expect(v).toBeCloseTo(col[i], 12);
    });
  }
});
