// `node bench/prototypes/openblas-addon/bench.mjs` (after build.sh): matmul 512 and the
// mlp-step workload written by hand over OpenBLAS through a 60-line N-API addon, beside
// PyTorch (one thread), interleaved round by round. The figure for "a native backend over a BLAS":
// BLAS products plus elementwise loops with no per-op dispatch cost.

import { createRequire } from 'node:module';
import { MLP, mlpData, mlpFirstLoss, uniformValues } from '../../data.mjs';
import { measure } from '../../harness.mjs';
import { openPytorch } from '../../pytorch.mjs';

const blas = createRequire(import.meta.url)('./build/sgemm.node');
const { batch: B, input: I, hidden: H, output: O, lr } = MLP;

const n = 512;
const a = uniformValues(n * n, 11);
const b = uniformValues(n * n, 12);
const c = new Float32Array(n * n);
const matmul = () => blas.sgemm(0, 0, n, n, n, 1, a, b, 0, c);

// The MLP step: weights (out, in) as MXNet's, the products as BLAS calls with the
// transposes folded in, everything else one loop each.
const d = mlpData();
const { x, labels, w1, b1, w2, b2 } = d;
const h = new Float32Array(B * H);
const o = new Float32Array(B * O);
const dO = new Float32Array(B * O);
const dH = new Float32Array(B * H);
const gW1 = new Float32Array(H * I);
const gW2 = new Float32Array(O * H);
const gb1 = new Float32Array(H);
const gb2 = new Float32Array(O);

function step() {
  for (let r = 0; r < B; r++) h.set(b1, r * H);
  blas.sgemm(0, 1, B, H, I, 1, x, w1, 1, h); // h = x w1^T + b1
  for (let i = 0; i < h.length; i++) if (h[i] < 0) h[i] = 0;
  for (let r = 0; r < B; r++) o.set(b2, r * O);
  blas.sgemm(0, 1, B, O, H, 1, h, w2, 1, o); // o = h w2^T + b2
  let loss = 0;
  for (let r = 0; r < B; r++) {
    let m = -Infinity;
    for (let j = 0; j < O; j++) m = Math.max(m, o[r * O + j]);
    let s = 0;
    for (let j = 0; j < O; j++) s += Math.exp(o[r * O + j] - m);
    loss += m + Math.log(s) - o[r * O + labels[r]];
    for (let j = 0; j < O; j++) {
      dO[r * O + j] = (Math.exp(o[r * O + j] - m) / s - (j === labels[r] ? 1 : 0)) / B;
    }
  }
  blas.sgemm(1, 0, O, H, B, 1, dO, h, 0, gW2); // dW2 = dO^T h
  blas.sgemm(0, 0, B, H, O, 1, dO, w2, 0, dH); // dH = dO w2
  for (let i = 0; i < dH.length; i++) if (h[i] <= 0) dH[i] = 0;
  blas.sgemm(1, 0, H, I, B, 1, dH, x, 0, gW1); // dW1 = dH^T x (the data needs no gradient)
  gb1.fill(0);
  gb2.fill(0);
  for (let r = 0; r < B; r++) {
    for (let j = 0; j < H; j++) gb1[j] += dH[r * H + j];
    for (let j = 0; j < O; j++) gb2[j] += dO[r * O + j];
  }
  blas.saxpy(w1.length, -lr, gW1, w1);
  blas.saxpy(b1.length, -lr, gb1, b1);
  blas.saxpy(w2.length, -lr, gW2, w2);
  blas.saxpy(b2.length, -lr, gb2, b2);
  return loss / B;
}

const first = step();
const want = mlpFirstLoss();
if (Math.abs(first - want) > 1e-4 * want) throw new Error(`first loss ${first}, want ${want}`);

// Interleaved with PyTorch round by round, as pnpm bench does.
const torch = await openPytorch();
if (torch.why) console.log(`PyTorch: ${torch.why}`);
for (const [workload, run] of [
  ['matmul-512', matmul],
  ['mlp-step', step],
]) {
  const candidates = [{ impl: 'mxts', backend: 'openblas-addon', run }];
  if (!torch.why) candidates.push(await torch.candidate(workload));
  const { rows } = await measure(workload, candidates, { warmup: 3, runs: 21 });
  const [mine, ref] = rows;
  console.log(
    `${workload}: openblas addon median ${mine.median_ms.toFixed(2)} ms (min ${mine.min_ms.toFixed(2)})` +
      (ref
        ? `, PyTorch ${ref.median_ms.toFixed(2)} ms (min ${ref.min_ms.toFixed(2)}): ${(mine.median_ms / ref.median_ms).toFixed(2)}x`
        : ''),
  );
}
console.log(`first loss ${first.toFixed(6)} (float64 reference ${want.toFixed(6)})`);
torch.close?.();
