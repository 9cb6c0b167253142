import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { describe, expect, test } from 'vitest';
import { KernelContext } from './kernel-context.js';
import { maxPool2d, maxPool2dGather, maxPool2dGrad } from './max-pool2d.js';

const LOWEST = -3.4028234663852886e38;

interface Geometry {
  kernel: number[];
  stride: number[];
  pad: number[];
  out: number[];
}

/**
 * MXNet's pool.h, in float64: each window's max from -FLT_MAX by a strict comparison
 * (pool_max_2d_cpu), the gradient to the first element equal to it (unpool_max_2d_cpu).
 */
function reference(x: Float32Array, [n, c, h, w]: number[], g: Geometry, dy: number[]) {
  const [oh, ow] = g.out;
  const y = new Float64Array(n * c * oh * ow);
  const dx = new Float64Array(x.length);
  const at = new Int32Array(y.length).fill(-1);
  for (let p = 0, o = 0; p < n * c; p++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++, o++) {
        const cells: number[] = [];
        for (
          let r = i * g.stride[0] - g.pad[0];
          r < i * g.stride[0] - g.pad[0] + g.kernel[0];
          r++
        ) {
          for (
            let q = j * g.stride[1] - g.pad[1];
            q < j * g.stride[1] - g.pad[1] + g.kernel[1];
            q++
          ) {
            if (r >= 0 && q >= 0 && r < h && q < w) cells.push((p * h + r) * w + q);
          }
        }
        let m = LOWEST;
        for (const e of cells) if (x[e] > m) m = x[e];
        y[o] = m;
        const first = cells.find((e) => x[e] === m);
        if (first !== undefined) {
          dx[first] += dy[o];
          at[o] = first;
        }
      }
    }
  }
  return { y, dx, at };
}

const context = () => {
  const tf = new MathBackendCPU();
  (tf as unknown as { firstUse: boolean }).firstUse = false;
  return new KernelContext(tf, 'cpu');
};

function outSize(size: number, k: number, s: number, p: number, full: boolean) {
  const span = (size + 2 * p - k) / s;
  return 1 + (full ? Math.ceil(span) : Math.floor(span));
}

// Ties, NaN, infinities and windows of only -inf or NaN, through the engine's kernels
// (overlapping windows), the tap walk (tiled windows) and the gather (both).
const CASES: [string, number[], number[], number[], number[], boolean][] = [
  ['2x2 stride 2 (tiled)', [2, 3, 6, 6], [2, 2], [2, 2], [0, 0], false],
  ['3x3 stride 2 pad 1 (overlapping)', [1, 2, 5, 6], [3, 3], [2, 2], [1, 1], false],
  ['3x3 stride 2 full', [1, 1, 6, 6], [3, 3], [2, 2], [0, 0], true],
  ['2x3 stride (1, 2) pad (1, 0) full', [2, 2, 7, 5], [2, 3], [1, 2], [1, 0], true],
  ['1x1 pad 1 (windows of padding only)', [1, 1, 3, 3], [1, 1], [1, 1], [1, 1], false],
  ['2x2 stride 2 pad 1 (tiled, padded)', [1, 2, 4, 4], [2, 2], [2, 2], [1, 1], false],
];

const DATA: [string, (r: number) => number][] = [
  ['ties', (r) => Math.floor(r * 3)],
  [
    'specials',
    (r) =>
      r < 0.15 ? Number.NaN : r < 0.3 ? -Infinity : r < 0.35 ? Infinity : Math.floor(r * 4) - 2,
  ],
  ['only -inf and NaN', (r) => (r < 0.5 ? Number.NaN : -Infinity)],
];

describe('max pooling kernels give MXNet pool.h answers', () => {
  for (const [label, shape, kernel, stride, pad, full] of CASES) {
    for (const [kind, value] of DATA) {
      test(`${label}, ${kind}`, () => {
        let seed = 7;
        const rnd = () => {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          return seed / 2147483648;
        };
        const x = Float32Array.from({ length: shape.reduce((a, b) => a * b) }, () => value(rnd()));
        const out = [0, 1].map((i) => outSize(shape[2 + i], kernel[i], stride[i], pad[i], full));
        const g = { kernel, stride, pad, out };
        const m = shape[0] * shape[1] * out[0] * out[1];
        const dy = Array.from({ length: m }, (_, i) => (i % 7) + 1);
        const gIn = Array.from({ length: x.length }, (_, i) => (i % 5) + 0.5);
        const want = reference(x, shape, g, dy);

        const k = context();
        const xs = k.write(x, shape, 'float32');
        const dys = k.write(new Float32Array(dy), [shape[0], shape[1], ...out], 'float32');
        const gs = k.write(new Float32Array(gIn), shape, 'float32');
        const before = k.bytes;
        const y = maxPool2d(k, xs, g);
        const dx = maxPool2dGrad(k, xs, dys, g);
        const gathered = maxPool2dGather(k, xs, gs, g);
        const read = (t: typeof y) => Array.from(k.tf.readSync(t.dataId) as Float32Array);
        expect(read(y)).toEqual(Array.from(want.y, Math.fround));
        expect(read(dx)).toEqual(Array.from(want.dx));
        // The gradient's adjoint reads g at the same first maxima (0 where none).
        expect(read(gathered)).toEqual(Array.from(want.at, (e) => (e < 0 ? 0 : gIn[e])));
        for (const t of [y, dx, gathered]) k.dispose(t);
        // Every temporary is freed.
        expect(k.bytes).toBe(before);
      });
    }
  }
});
