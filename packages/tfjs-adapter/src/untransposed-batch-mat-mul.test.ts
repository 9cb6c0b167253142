import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { KernelContext } from './kernel-context.js';
import { untransposedBatchMatMul } from './untransposed-batch-mat-mul.js';

/** Values 0.1 * ((i * 7) mod 11) - 0.5: small, varied, exact in float32 to a few ulp. */
const values = (n: number, seed: number) =>
  Float32Array.from({ length: n }, (_, i) => Math.fround(0.1 * (((i + seed) * 7) % 11) - 0.5));

/** op(a) · op(b) in float64, batch by batch, from the flat float32 inputs. */
function reference(
  a: Float32Array,
  [batch, ar, ac]: number[],
  b: Float32Array,
  [, br, bc]: number[],
  tA: boolean,
  tB: boolean,
): number[] {
  const m = tA ? ac : ar;
  const inner = tA ? ar : ac;
  const n = tB ? br : bc;
  const out: number[] = [];
  for (let s = 0; s < batch; s++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let p = 0; p < inner; p++) {
          const x = tA ? a[s * ar * ac + p * ac + i] : a[s * ar * ac + i * ac + p];
          const y = tB ? b[s * br * bc + j * bc + p] : b[s * br * bc + p * bc + j];
          acc += x * y;
        }
        out.push(acc);
      }
    }
  }
  return out;
}

describe('untransposedBatchMatMul', () => {
  // [a shape, b shape, transposeA, transposeB, Transpose kernels the cheaper lowering runs]
  const cases: [number[], number[], boolean, boolean, number][] = [
    [[2, 3, 4], [2, 4, 5], false, false, 0],
    // x · wᵀ with the larger w: (w · xᵀ)ᵀ moves x and the result (24 + 48 < 144 elements).
    [[2, 2, 6], [2, 12, 6], false, true, 2],
    // x · wᵀ with the larger x: moving w is cheaper.
    [[2, 8, 4], [2, 3, 4], false, true, 1],
    [[2, 4, 3], [2, 4, 8], true, false, 1],
    [[2, 4, 8], [2, 4, 2], true, false, 2],
    // Both flagged: b·a, then the result moved once (30 < 24 + 40 elements).
    [[2, 4, 3], [2, 5, 4], true, true, 1],
    // dot's single matrices: the same choices without a batch axis.
    [[2, 6], [12, 6], false, true, 2],
    [[4, 3], [4, 5], true, false, 1],
    [[3, 4], [4, 5], false, false, 0],
  ];
  test.each(cases)(
    'a %j, b %j, transposeA %s, transposeB %s: float64 product, %i transposes',
    (sa, sb, tA, tB, moves) => {
      const tf = new MathBackendCPU();
      (tf as unknown as { firstUse: boolean }).firstUse = false;
      let transposes = 0;
      const k = new KernelContext(tf, 'cpu', {
        Transpose: (_k, inputs, attrs, engine) => {
          transposes++;
          return engine(inputs, attrs);
        },
      });
      const av = values(
        sa.reduce((p, d) => p * d),
        1,
      );
      const bv = values(
        sb.reduce((p, d) => p * d),
        4,
      );
      const a = k.write(av, sa, 'float32');
      const b = k.write(bv, sb, 'float32');
      let flagged = 0;
      const y = untransposedBatchMatMul(k, a, b, { transposeA: tA, transposeB: tB }, (x, z) => {
        flagged++;
        return k.call('BatchMatMul', { a: x, b: z }, { transposeA: false, transposeB: false });
      });
      expect(flagged).toBe(1);
      expect(transposes).toBe(moves);
      const [a3, b3] = [sa, sb].map((s) => (s.length === 2 ? [1, ...s] : s));
      const rows = tA ? a3[2] : a3[1];
      const cols = tB ? b3[1] : b3[2];
      expect(y.shape).toEqual(sa.length === 2 ? [rows, cols] : [sa[0], rows, cols]);
      const got = tf.readSync(y.dataId) as Float32Array;
      const want = reference(av, a3, bv, b3, tA, tB);
      expect(got.length).toBe(want.length);
      want.forEach((w, i) => {
        expect(Math.abs(got[i] - w)).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(w));
      });
      for (const t of [a, b, y] as TensorInfo[]) k.dispose(t);
      expect(tf.numDataIds()).toBe(0);
      expect(k.bytes).toBe(0);
    },
  );
});
