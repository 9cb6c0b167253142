import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import { fromHost, full } from '../ndarray/creation.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { add } from './add.js';
import { applyOp } from './apply-op.js';
import { divide } from './divide.js';
import { max } from './max.js';
import { maximum } from './maximum.js';
import { mean } from './mean.js';
import { sum } from './sum.js';
import { where } from './where.js';

/** Options of `Pooling` (MXNet's keyword arguments). */
export interface PoolingOptions {
  /** Window size: (w) for 1-D, (h, w) for 2-D. Required unless `globalPool`. */
  kernel?: readonly number[];
  /** Default 'max'. */
  poolType?: 'max' | 'avg' | 'sum';
  /** Pool over the whole spatial extent (the kernel is ignored); default false. */
  globalPool?: boolean;
  /** Default 1 per axis. */
  stride?: readonly number[];
  /** Padding on both sides of each axis; default 0. */
  pad?: readonly number[];
  /** 'valid' (floor, default) or 'full' (ceil) output sizes. */
  poolingConvention?: 'valid' | 'full';
  /** Average pooling: count the padding in the divisor (default true, as MXNet). */
  countIncludePad?: boolean;
  /** 'NCW' (1-D) or 'NCHW' (2-D); by default the one that fits the data. */
  layout?: 'NCW' | 'NCHW';
}

const OP = 'Pooling';

function ints(name: string, v: readonly number[] | undefined, n: number, fb: number, min: number) {
  const out = v === undefined ? new Array<number>(n).fill(fb) : [...v];
  if (out.length !== n || out.some((x) => !Number.isInteger(x) || x < min)) {
    throw new InvalidArgumentError(
      OP,
      `${name} must list ${n} integer(s) >= ${min}, one per spatial axis; got (${out.join(', ')})`,
    );
  }
  return out;
}

/** The 2-D geometry of a (non-global) pooling, checked as MXNet's shape inference. */
function geometry(data: NDArray, o: PoolingOptions, nd: number) {
  const kernel = ints('kernel', o.kernel, nd, 1, 1);
  const stride = ints('stride', o.stride, nd, 1, 1);
  const pad = ints('pad', o.pad, nd, 0, 0);
  const full = (o.poolingConvention ?? 'valid') === 'full';
  const size = data.shape.slice(2);
  const out = size.map((s, i) => {
    if (kernel[i] > s + 2 * pad[i]) {
      throw new ShapeError(
        OP,
        [data.shape],
        `kernel (${kernel[i]}) exceeds spatial axis ${i} padded to ${s + 2 * pad[i]}`,
      );
    }
    const span = (s + 2 * pad[i] - kernel[i]) / stride[i];
    return 1 + (full ? Math.ceil(span) : Math.floor(span));
  });
  const lift = (v: number[], one: number) => (nd === 1 ? [one, v[0]] : v);
  return {
    kernel: lift(kernel, 1),
    stride: lift(stride, 1),
    pad: lift(pad, 0),
    size: lift(size, 1),
    out: lift(out, 1),
  };
}

type Geometry = ReturnType<typeof geometry>;

/** MXNet's divisor of each average window (pool.h: clipped to the padded input). */
function avgCounts(g: Geometry, includePad: boolean): Float32Array {
  const [oh, ow] = g.out;
  const counts = new Float32Array(oh * ow);
  const extent = (o: number, i: number) => {
    const start = o * g.stride[i] - g.pad[i];
    const end = Math.min(start + g.kernel[i], g.size[i] + g.pad[i]);
    if (includePad) return end - start;
    // A window of padding only sums nothing: any divisor gives MXNet's 0.
    return Math.max(1, Math.min(end, g.size[i]) - Math.max(start, 0));
  };
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) counts[y * ow + x] = extent(y, 0) * extent(x, 1);
  }
  return counts;
}

/** Host values as an array of x's dtype and context. */
function constant(values: Float32Array, shape: number[], x: NDArray): NDArray {
  const a = fromHost(values, shape, x.context);
  return x.dtype === 'float32' ? a : applyOp('cast', [a], { dtype: x.dtype });
}

/** Windows of a 4-D array: each kernel offset is one strided slice of the padded input. */
function windows(x: NDArray, g: Geometry, poolType: string, includePad: boolean): NDArray {
  const [n, c, h, w] = x.shape;
  const [ph, pw] = g.pad;
  // Rows and columns the last window reaches ('full' may run past the padding).
  const hp = Math.max(h + 2 * ph, (g.out[0] - 1) * g.stride[0] + g.kernel[0]);
  const wp = Math.max(w + 2 * pw, (g.out[1] - 1) * g.stride[1] + g.kernel[1]);
  let xp = x;
  if (hp !== h || wp !== w) {
    xp = applyOp('sliceScatter', [x], {
      shape: [n, c, hp, wp],
      begin: [0, 0, ph, pw],
      size: [n, c, h, w],
      step: [1, 1, 1, 1],
    });
    if (poolType === 'max') {
      // Max skips the padding (pool.h): it is -inf, so it never wins a window.
      const inside = new Float32Array(hp * wp);
      for (let i = 0; i < h; i++) inside.fill(1, (i + ph) * wp + pw, (i + ph) * wp + pw + w);
      const cond = applyOp('broadcastTo', [constant(inside, [1, 1, hp, wp], x)], {
        shape: [n, c, hp, wp],
      });
      xp = where(cond, xp, full([n, c, hp, wp], -Infinity, { ctx: x.context, dtype: x.dtype }));
    }
  }
  let acc: NDArray | null = null;
  for (let i = 0; i < g.kernel[0]; i++) {
    for (let j = 0; j < g.kernel[1]; j++) {
      const s = applyOp('slice', [xp], {
        begin: [0, 0, i, j],
        size: [n, c, g.out[0], g.out[1]],
        step: [1, 1, g.stride[0], g.stride[1]],
      });
      // Row-major offsets and ties to the left operand: the first maximum of a window
      // takes the gradient, as MXNet's unpool_max.
      acc = acc === null ? s : poolType === 'max' ? maximum(acc, s) : add(acc, s);
    }
  }
  if (poolType !== 'avg') return acc!;
  const counts = constant(avgCounts(g, includePad), [1, 1, g.out[0], g.out[1]], x);
  return divide(acc!, counts);
}

/**
 * MXNet `nd.Pooling(data, kernel, pool_type='max', global_pool=False, stride, pad,
 * pooling_convention='valid', count_include_pad=True, layout)`: max, average or sum over
 * windows of 1-D (NCW) or 2-D (NCHW) data. Each output axis has 1 + floor((size + 2*pad -
 * kernel) / stride) elements ('valid') or 1 + ceil(...) ('full'); max pooling skips the
 * padding, average pooling divides by the window clipped to the padded input (or to the
 * input, without `countIncludePad`). Built from slices, maximum and sums, so its gradient
 * (the first maximum of each window takes it, as MXNet) differentiates again.
 *
 * @example
 * const x = mx.nd.arange(0, 16).reshape([1, 1, 4, 4]);
 * mx.nd.Pooling(x, { kernel: [2, 2], stride: [2, 2] }); // [[[[5, 7], [13, 15]]]]
 */
export function Pooling(data: NDArray, options: PoolingOptions = {}): NDArray {
  if (data.ndim !== 3 && data.ndim !== 4) {
    throw new ShapeError(OP, [data.shape], 'data must be 3-D (NCW) or 4-D (NCHW)');
  }
  const nd = data.ndim - 2;
  const layout = options.layout ?? (nd === 1 ? 'NCW' : 'NCHW');
  if (layout !== (nd === 1 ? 'NCW' : 'NCHW')) {
    throw new InvalidArgumentError(
      OP,
      `layout '${String(layout)}' does not fit ${data.ndim}-D data; use 'NCW' for 3-D, 'NCHW' for 4-D`,
    );
  }
  const { poolType = 'max', globalPool = false, poolingConvention = 'valid' } = options;
  if (poolType !== 'max' && poolType !== 'avg' && poolType !== 'sum') {
    throw new InvalidArgumentError(
      OP,
      `poolType '${String(poolType)}' is not 'max', 'avg' or 'sum'`,
    );
  }
  if (poolingConvention !== 'valid' && poolingConvention !== 'full') {
    throw new InvalidArgumentError(
      OP,
      `poolingConvention '${String(poolingConvention)}' is not 'valid' or 'full'`,
    );
  }
  const countIncludePad = options.countIncludePad ?? true;
  if (globalPool) {
    const axis = nd === 1 ? [2] : [2, 3];
    const reduce = poolType === 'max' ? max : poolType === 'avg' ? mean : sum;
    return reduce(data, { axis, keepdims: true });
  }
  if (options.kernel === undefined) {
    throw new InvalidArgumentError(OP, 'kernel is required unless globalPool is true');
  }
  const g = geometry(data, options, nd);
  return disposeCreated(() => {
    const x =
      nd === 1
        ? applyOp('reshape', [data], { shape: [data.shape[0], data.shape[1], 1, data.shape[2]] })
        : data;
    const y = windows(x, g, poolType, countIncludePad);
    return nd === 1 ? applyOp('reshape', [y], { shape: [y.shape[0], y.shape[1], y.shape[3]] }) : y;
  });
}
