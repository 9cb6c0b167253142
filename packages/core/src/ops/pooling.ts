import { DTypeError } from '../errors/dtype-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import { fromHost } from '../ndarray/creation.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkIntList, checkNDArray, checkOptions, checkSize } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';
import { divide } from './divide.js';

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
  if (v !== undefined) checkIntList(OP, name, v);
  const out = v === undefined ? new Array<number>(n).fill(fb) : [...v];
  if (out.length !== n || out.some((x) => !Number.isInteger(x) || x < min)) {
    throw new InvalidArgumentError(
      OP,
      `${name} must list ${n} integer(s) >= ${min}, one per spatial axis; got (${out.join(', ')})`,
    );
  }
  return out;
}

/** The 2-D geometry of a pooling, checked as MXNet's shape inference. */
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
  checkSize(OP, [...data.shape.slice(0, 2), ...size.map((s, i) => s + 2 * pad[i])], data.dtype);
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

/** Max, average or sum pooling of 4-D data (a global pool is one window). */
function pool2d(x: NDArray, g: Geometry, poolType: string, includePad: boolean): NDArray {
  const attrs = { kernel: g.kernel, stride: g.stride, pad: g.pad, out: g.out };
  if (poolType === 'max') return applyOp('maxPool2d', [x], attrs);
  // A window sum is a convolution of each channel with a filter of ones, whose gradient
  // (and its gradient) the conv2d kernels give.
  const [n, c, h, w] = x.shape;
  // 'full' windows may run past the padding at the end: zeros there too.
  const extra = [0, 1].map((i) =>
    Math.max(0, (g.out[i] - 1) * g.stride[i] + g.kernel[i] - g.size[i] - 2 * g.pad[i]),
  );
  let planes = applyOp('reshape', [x], { shape: [n * c, 1, h, w] });
  if (extra[0] > 0 || extra[1] > 0) {
    planes = applyOp('sliceScatter', [planes], {
      shape: [n * c, 1, h + extra[0], w + extra[1]],
      begin: [0, 0, 0, 0],
      size: [n * c, 1, h, w],
      step: [1, 1, 1, 1],
    });
  }
  const ones = constant(
    new Float32Array(g.kernel[0] * g.kernel[1]).fill(1),
    [1, 1, ...g.kernel],
    x,
  );
  const sums = applyOp('conv2d', [planes, ones], {
    stride: g.stride,
    pad: g.pad,
    dilate: [1, 1],
    groups: 1,
  });
  if (poolType === 'sum') return applyOp('reshape', [sums], { shape: [n, c, ...g.out] });
  // Divided as (N*C, OH*OW) by (OH*OW): a broadcast along the leading axis only, which
  // engines run as a flat loop (TF.js's cpu kernels take 20x longer for (1, 1, OH, OW)).
  const size = g.out[0] * g.out[1];
  const flat = applyOp('reshape', [sums], { shape: [n * c, size] });
  const mean = divide(flat, constant(avgCounts(g, includePad), [size], x));
  return applyOp('reshape', [mean], { shape: [n, c, ...g.out] });
}

/**
 * MXNet `nd.Pooling(data, kernel, pool_type='max', global_pool=False, stride, pad,
 * pooling_convention='valid', count_include_pad=True, layout)`: max, average or sum over
 * windows of 1-D (NCW) or 2-D (NCHW) data. Each output axis has 1 + floor((size + 2*pad -
 * kernel) / stride) elements ('valid') or 1 + ceil(...) ('full'); max pooling skips the
 * padding, average pooling divides by the window clipped to the padded input (or to the
 * input, without `countIncludePad`). Max pooling's gradient goes to the first maximum of
 * each window, as MXNet; average and sum pooling are convolutions with a filter of ones.
 * Every gradient differentiates again.
 *
 * @example
 * const x = mx.nd.arange(0, 16).reshape([1, 1, 4, 4]);
 * mx.nd.Pooling(x, { kernel: [2, 2], stride: [2, 2] }); // [[[[5, 7], [13, 15]]]]
 */
export function Pooling(data: NDArray, options: PoolingOptions = {}): NDArray {
  checkNDArray('Pooling', 'data', data);
  checkOptions('Pooling', options);
  if (data.ndim !== 3 && data.ndim !== 4) {
    throw new ShapeError(OP, [data.shape], 'data must be 3-D (NCW) or 4-D (NCHW)');
  }
  if (data.dtype === 'int32') {
    throw new DTypeError(
      OP,
      'data has dtype int32; pooling takes float data, as MXNet (astype it)',
    );
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
  if (!globalPool && options.kernel === undefined) {
    throw new InvalidArgumentError(OP, 'kernel is required unless globalPool is true');
  }
  // Global pooling is one window over the whole extent (MXNet ignores kernel, stride, pad).
  const spatial = data.shape.slice(2);
  const g = geometry(
    data,
    globalPool
      ? { kernel: spatial, stride: spatial.map(() => 1), pad: spatial.map(() => 0) }
      : options,
    nd,
  );
  return disposeCreated(() => {
    const x =
      nd === 1
        ? applyOp('reshape', [data], { shape: [data.shape[0], data.shape[1], 1, data.shape[2]] })
        : data;
    const y = pool2d(x, g, poolType, countIncludePad);
    return nd === 1 ? applyOp('reshape', [y], { shape: [y.shape[0], y.shape[1], y.shape[3]] }) : y;
  });
}
