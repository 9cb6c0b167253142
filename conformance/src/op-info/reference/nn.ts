import { generate, type RefArray, ravel, sizeOf } from '../ref-array.js';

/**
 * Float64 references of MXNet's layer operators, written as the loops of MXNet's CPU
 * kernels (convolution-inl.h, pool.h, batch_norm.cc, layer_norm-inl.h, mshadow_op.h),
 * independently of the composites under test.
 */

const FLT_MAX = 3.4028234663852886e38;

/** 2-D geometry: stride, pad, dilate per spatial axis (h, w). */
export interface ConvGeometry {
  readonly stride: readonly number[];
  readonly pad: readonly number[];
  readonly dilate: readonly number[];
  readonly groups: number;
}

/** Lifts a 1-D (NCW) array to 2-D (NC1W). */
export function lift1d(x: RefArray): RefArray {
  const [n, c, w] = x.shape;
  return { shape: [n, c, 1, w], values: x.values };
}

/** Drops the height of a 2-D result of 1-D data. */
export function drop1d(y: RefArray): RefArray {
  const [n, c, , w] = y.shape;
  return { shape: [n, c, w], values: y.values };
}

/** Cross-correlation of NCHW data with an (O, C/groups, kh, kw) weight, plus bias. */
export function convRef(
  x: RefArray,
  w: RefArray,
  bias: RefArray | null,
  g: ConvGeometry,
): RefArray {
  const [n, c, h, wd] = x.shape;
  const [o, cg, kh, kw] = w.shape;
  const og = o / g.groups;
  const oh = Math.floor((h + 2 * g.pad[0] - g.dilate[0] * (kh - 1) - 1) / g.stride[0]) + 1;
  const ow = Math.floor((wd + 2 * g.pad[1] - g.dilate[1] * (kw - 1) - 1) / g.stride[1]) + 1;
  return generate([n, o, oh, ow], ([b, f, y, z]) => {
    const grp = Math.floor(f / og);
    let acc = bias === null ? 0 : bias.values[f];
    for (let ci = 0; ci < cg; ci++) {
      for (let i = 0; i < kh; i++) {
        const r = y * g.stride[0] - g.pad[0] + i * g.dilate[0];
        if (r < 0 || r >= h) continue;
        for (let j = 0; j < kw; j++) {
          const s = z * g.stride[1] - g.pad[1] + j * g.dilate[1];
          if (s < 0 || s >= wd) continue;
          const xv = x.values[ravel([b, grp * cg + ci, r, s], [n, c, h, wd])];
          acc += xv * w.values[ravel([f, ci, i, j], [o, cg, kh, kw])];
        }
      }
    }
    return acc;
  });
}

/** Pooling options as the reference reads them (2-D). */
export interface PoolGeometry {
  readonly kernel: readonly number[];
  readonly stride: readonly number[];
  readonly pad: readonly number[];
  readonly poolType: 'max' | 'avg' | 'sum';
  readonly full: boolean;
  readonly countIncludePad: boolean;
}

/** MXNet's pool.h loops (pool_max_2d_nchw_cpu, pool_sum_2d_nchw_cpu) on NCHW data. */
export function poolRef(x: RefArray, g: PoolGeometry): RefArray {
  const [n, c, h, w] = x.shape;
  const outSize = (s: number, i: number) => {
    const span = (s + 2 * g.pad[i] - g.kernel[i]) / g.stride[i];
    return 1 + (g.full ? Math.ceil(span) : Math.floor(span));
  };
  const oh = outSize(h, 0);
  const ow = outSize(w, 1);
  return generate([n, c, oh, ow], ([b, ch, py, px]) => {
    let hs = py * g.stride[0] - g.pad[0];
    let ws = px * g.stride[1] - g.pad[1];
    const at = (r: number, s: number) => x.values[ravel([b, ch, r, s], [n, c, h, w])];
    if (g.poolType === 'max') {
      const he = Math.min(hs + g.kernel[0], h);
      const we = Math.min(ws + g.kernel[1], w);
      hs = Math.max(hs, 0);
      ws = Math.max(ws, 0);
      // MXNet starts from the lowest float32 and keeps strictly larger values: NaN and -inf
      // never win.
      let best = -FLT_MAX;
      for (let r = hs; r < he; r++) {
        for (let s = ws; s < we; s++) if (at(r, s) > best) best = at(r, s);
      }
      return best;
    }
    let he = Math.min(hs + g.kernel[0], h + g.pad[0]);
    let we = Math.min(ws + g.kernel[1], w + g.pad[1]);
    let size = g.poolType === 'avg' ? (he - hs) * (we - ws) : 1;
    hs = Math.max(hs, 0);
    ws = Math.max(ws, 0);
    he = Math.min(he, h);
    we = Math.min(we, w);
    if (g.poolType === 'avg' && !g.countIncludePad) size = (he - hs) * (we - ws);
    let total = 0;
    for (let r = hs; r < he; r++) for (let s = ws; s < we; s++) total += at(r, s);
    return total / size;
  });
}

/** Global pooling: one value per (n, c). */
export function globalPoolRef(x: RefArray, poolType: 'max' | 'avg' | 'sum'): RefArray {
  const [n, c] = x.shape;
  const inner = sizeOf(x.shape.slice(2));
  const shape = [n, c, ...x.shape.slice(2).map(() => 1)];
  const values = Array.from({ length: n * c }, (_, k) => {
    const row = Array.from(x.values.subarray(k * inner, (k + 1) * inner));
    if (poolType === 'max') {
      // Strictly larger only, as MXNet: NaN never wins (Math.max would return it).
      let best = -FLT_MAX;
      for (const v of row) if (v > best) best = v;
      return best;
    }
    const total = row.reduce((a, b) => a + b, 0);
    return poolType === 'avg' ? total / inner : total;
  });
  return { shape, values: Float64Array.from(values) };
}

/** Per-channel mean and biased variance over every axis but `axis`. */
export function channelMoments(x: RefArray, axis: number): { mean: number[]; variance: number[] } {
  const c = x.shape[axis];
  const count = sizeOf(x.shape) / c;
  const mean = new Array<number>(c).fill(0);
  const variance = new Array<number>(c).fill(0);
  const channelOf = (flat: number) => {
    let inner = 1;
    for (let i = axis + 1; i < x.shape.length; i++) inner *= x.shape[i];
    return Math.floor(flat / inner) % c;
  };
  x.values.forEach((v, i) => {
    mean[channelOf(i)] += v / count;
  });
  x.values.forEach((v, i) => {
    const k = channelOf(i);
    variance[k] += (v - mean[k]) ** 2 / count;
  });
  return { mean, variance };
}

/** MXNet's BatchNorm forward, with the statistics given per channel. */
export function batchNormApply(
  x: RefArray,
  gamma: RefArray,
  beta: RefArray,
  mean: readonly number[],
  invstd: readonly number[],
  axis: number,
  fixGamma: boolean,
): RefArray {
  return generate(x.shape, (idx) => {
    const k = idx[axis];
    const v = x.values[ravel(idx, x.shape)];
    const scale = fixGamma ? 1 : gamma.values[k];
    return (v - mean[k]) * invstd[k] * scale + beta.values[k];
  });
}

/** LayerNorm along one axis. */
export function layerNormRef(
  x: RefArray,
  gamma: RefArray,
  beta: RefArray,
  axis: number,
  eps: number,
): RefArray {
  const n = x.shape[axis];
  return generate(x.shape, (idx) => {
    const row = Array.from({ length: n }, (_, j) => {
      const at = [...idx];
      at[axis] = j;
      return x.values[ravel(at, x.shape)];
    });
    const mean = row.reduce((a, b) => a + b, 0) / n;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    const v = x.values[ravel(idx, x.shape)];
    return (
      ((v - mean) / Math.sqrt(variance + eps)) * gamma.values[idx[axis]] + beta.values[idx[axis]]
    );
  });
}

/** erf in float64: Taylor series near 0, Lentz's continued fraction of erfc beyond. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const a = Math.abs(x);
  if (a === 0) return x;
  if (a < 2.5) {
    let term = a;
    let total = a;
    for (let k = 1; k < 200; k++) {
      term *= (-a * a) / k;
      const next = term / (2 * k + 1);
      total += next;
      if (Math.abs(next) < 1e-17 * Math.abs(total)) break;
    }
    return Math.sign(x) * ((2 / Math.sqrt(Math.PI)) * total);
  }
  if (a > 6) return Math.sign(x);
  // erfc(a) = exp(-a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + ...)))), by Lentz.
  const tiny = 1e-300;
  let f = a;
  let cc = a;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const ak = k / 2;
    d = a + ak * d;
    d = d === 0 ? tiny : 1 / d;
    cc = a + ak / cc;
    if (cc === 0) cc = tiny;
    const delta = cc * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}

/** MXNet's LeakyReLU activations in float64 (mshadow_op.h). */
export function leakyRef(v: number, actType: string, slope: number): number {
  const alpha = 1.6732632423543772;
  const lambda = 1.0507009873554805;
  switch (actType) {
    case 'leaky':
      return v > 0 ? v : v * slope;
    case 'elu':
      return v > 0 ? v : slope * Math.expm1(v);
    case 'selu':
      return lambda * (v > 0 ? v : alpha * Math.expm1(v));
    default:
      return 0.5 * v * (1 + erf(v / Math.SQRT2));
  }
}

/**
 * The order topk and sort give along the last axis of a row: by value (descending unless
 * ascending), ties by position, as a stable sort.
 */
export function orderOf(row: readonly number[], ascend: boolean): number[] {
  return row
    .map((v, i) => [v, i] as const)
    .sort((p, q) => (p[0] === q[0] ? p[1] - q[1] : ascend ? p[0] - q[0] : q[0] - p[0]))
    .map(([, i]) => i);
}
