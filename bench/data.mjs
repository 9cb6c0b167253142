// Deterministic inputs, the same in every library (PyTorch reads them from files), so the
// MLP's first loss can be compared across implementations.

/** Mulberry32: `n` float32 values in [lo, hi) from `seed`. */
export function uniformValues(n, seed, lo = 0, hi = 1) {
  let a = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = lo + (hi - lo) * (((t ^ (t >>> 14)) >>> 0) / 4294967296);
  }
  return out;
}

/** The 784-256-10 MLP's batch and initial parameters, weights in MXNet's (out, in) layout. */
export const MLP = { batch: 64, input: 784, hidden: 256, output: 10, lr: 0.1 };

export function mlpData() {
  const { batch, input, hidden, output } = MLP;
  const s1 = Math.sqrt(6 / (input + hidden));
  const s2 = Math.sqrt(6 / (hidden + output));
  const labels = new Int32Array(batch);
  for (let i = 0; i < batch; i++) labels[i] = (i * 7) % output;
  return {
    x: uniformValues(batch * input, 1),
    labels,
    w1: uniformValues(hidden * input, 2, -s1, s1),
    b1: new Float32Array(hidden),
    w2: uniformValues(output * hidden, 3, -s2, s2),
    b2: new Float32Array(output),
  };
}

/** `m` (rows x cols, row-major) transposed: TF.js and jax-js keep dense weights as (in, out). */
export function transposed(m, rows, cols) {
  const out = new Float32Array(m.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = m[i * cols + j];
  return out;
}

/** The mean softmax cross-entropy of the first step, in float64, from the initial values. */
export function mlpFirstLoss() {
  const { batch, input, hidden, output } = MLP;
  const d = mlpData();
  let total = 0;
  const h = new Float64Array(hidden);
  for (let n = 0; n < batch; n++) {
    for (let j = 0; j < hidden; j++) {
      let s = d.b1[j];
      for (let k = 0; k < input; k++) s += d.x[n * input + k] * d.w1[j * input + k];
      h[j] = Math.max(0, s);
    }
    const o = [];
    for (let j = 0; j < output; j++) {
      let s = d.b2[j];
      for (let k = 0; k < hidden; k++) s += h[k] * d.w2[j * hidden + k];
      o.push(s);
    }
    const m = Math.max(...o);
    const lse = m + Math.log(o.reduce((a, v) => a + Math.exp(v - m), 0));
    total += lse - o[d.labels[n]];
  }
  return total / batch;
}
