import type { KernelAttrs } from '@mxts/core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelContext } from './kernel-context.js';

/**
 * MXNet's NCHW max pooling. Each window's first maximum (row-major, MXNet's unpool_max) is
 * found without any engine's pooling kernel (wasm's MaxPoolWithArgmax loses negative
 * maxima, and engines break ties differently): a Conv2D with one-hot filters lays the
 * window's values side by side, exactly (one product by 1, the rest by 0), and ArgMax
 * takes the first largest. The values, the gradient (dy scattered to those positions) and
 * its adjoint (g gathered from them) all come from these positions, so they agree. As
 * MXNet's pool.h, NaN and -inf never win, and a window without a winner (padding only)
 * gives -FLT_MAX.
 */
type Pool = KernelAttrs['maxPool2d'];

const LOWEST = -3.4028234663852886e38;
const HIGHEST = 3.4028234663852886e38;

/** Padding of H and W: before as given, after up to the last window's end. */
function paddings(shape: readonly number[], a: Pool): number[][] {
  const [, , h, w] = shape;
  const after = (size: number, i: number) =>
    Math.max(0, (a.out[i] - 1) * a.stride[i] + a.kernel[i] - size - a.pad[i]);
  return [
    [0, 0],
    [a.pad[0], after(h, 0)],
    [a.pad[1], after(w, 1)],
    [0, 0],
  ];
}

/**
 * x as padded planes (N*C, Hp, Wp, 1), NaN and -inf (and the padding) as -FLT_MAX; and the
 * flat position in those planes of each window's first maximum, (N*C, OH, OW) int32.
 */
function argmaxPool(k: KernelContext, x: TensorInfo, a: Pool): [TensorInfo, TensorInfo] {
  return k.temps((tmp) => {
    const [n, c, h, w] = x.shape;
    const [kh, kw] = a.kernel;
    const [oh, ow] = a.out;
    const planes = tmp(k.call('Reshape', { x }, { shape: [n * c, h, w, 1] }));
    const floored = tmp(k.call('Maximum', { a: planes, b: tmp(k.scalar(LOWEST, x.dtype)) }));
    const lows = tmp(k.call('Fill', {}, { shape: planes.shape, value: LOWEST, dtype: x.dtype }));
    const isNan = tmp(k.call('IsNan', { x: planes }));
    const clean = tmp(k.call('Select', { condition: isNan, t: lows, e: floored }));
    const padded = k.call(
      'PadV2',
      { x: clean },
      { paddings: paddings(x.shape, a), constantValue: LOWEST },
    );
    const [, hp, wp] = padded.shape;
    // +inf times a zero tap would be NaN: it ranks as FLT_MAX here, and is read back whole.
    const finite = tmp(k.call('Minimum', { a: padded, b: tmp(k.scalar(HIGHEST, x.dtype)) }));
    const oneHot = new Float32Array(kh * kw * kh * kw);
    for (let t = 0; t < kh * kw; t++) oneHot[t * kh * kw + t] = 1;
    const filter = tmp(k.write(oneHot, [kh, kw, 1, kh * kw], 'float32'));
    const windows = tmp(
      k.call(
        'Conv2D',
        { x: finite, filter },
        { strides: a.stride, pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] },
      ),
    );
    const tap = tmp(k.call('ArgMax', { x: windows }, { axis: 3 }));
    // tap t is row t div kw, column t mod kw of the window.
    const kwT = tmp(k.scalar(kw, 'int32'));
    const row = tmp(k.call('FloorDiv', { a: tap, b: kwT }));
    const col = tmp(k.call('Sub', { a: tap, b: tmp(k.call('Multiply', { a: row, b: kwT })) }));
    const corner = new Int32Array(n * c * oh * ow);
    for (let p = 0, i = 0; p < n * c; p++) {
      for (let y = 0; y < oh; y++) {
        for (let z = 0; z < ow; z++, i++)
          corner[i] = (p * hp + y * a.stride[0]) * wp + z * a.stride[1];
      }
    }
    const base = tmp(k.write(corner, [n * c, oh, ow], 'int32'));
    const rowOffset = tmp(k.call('Multiply', { a: row, b: tmp(k.scalar(wp, 'int32')) }));
    const within = tmp(k.call('Add', { a: rowOffset, b: col }));
    return [padded, k.call('Add', { a: base, b: within })];
  });
}

/** The pooled maxima, (N, C, OH, OW). */
export function maxPool2d(k: KernelContext, x: TensorInfo, a: Pool): TensorInfo {
  return k.temps((tmp) => {
    const [padded, positions] = argmaxPool(k, x, a).map(tmp);
    return gatherPlanes(k, tmp, padded, positions, x.shape, a);
  });
}

/** values (N*C, Hp, Wp, 1) read at the positions, as (N, C, OH, OW). */
function gatherPlanes(
  k: KernelContext,
  tmp: (t: TensorInfo) => TensorInfo,
  values: TensorInfo,
  positions: TensorInfo,
  shape: readonly number[],
  a: Pool,
): TensorInfo {
  const total = values.shape.reduce((p, d) => p * d, 1);
  const flat = tmp(k.call('Reshape', { x: values }, { shape: [total] }));
  const picked = tmp(
    k.call('GatherV2', { x: flat, indices: positions }, { axis: 0, batchDims: 0 }),
  );
  return k.call('Reshape', { x: picked }, { shape: [shape[0], shape[1], a.out[0], a.out[1]] });
}

/** The gradient: dy (N, C, OH, OW) added at each window's first maximum, in x's shape. */
export function maxPool2dGrad(
  k: KernelContext,
  x: TensorInfo,
  dy: TensorInfo,
  a: Pool,
): TensorInfo {
  return k.temps((tmp) => {
    const [padded, positions] = argmaxPool(k, x, a).map(tmp);
    const m = positions.shape.reduce((p, d) => p * d, 1);
    const indices = tmp(k.call('Reshape', { x: positions }, { shape: [m, 1] }));
    const updates = tmp(k.call('Reshape', { x: dy }, { shape: [m] }));
    const total = padded.shape.reduce((p, d) => p * d, 1);
    // ScatterNd sums the entries of overlapping windows that share a maximum.
    const flat = tmp(k.call('ScatterNd', { indices, updates }, { shape: [total] }));
    const [, hp, wp] = padded.shape;
    const [n, c, h, w] = x.shape;
    const planes = tmp(k.call('Reshape', { x: flat }, { shape: [n * c, hp, wp] }));
    const inner = tmp(
      k.call('Slice', { x: planes }, { begin: [0, a.pad[0], a.pad[1]], size: [n * c, h, w] }),
    );
    return k.call('Reshape', { x: inner }, { shape: [n, c, h, w] });
  });
}

/** The gradient's adjoint: g (in x's shape) read at each window's first maximum. */
export function maxPool2dGather(
  k: KernelContext,
  x: TensorInfo,
  g: TensorInfo,
  a: Pool,
): TensorInfo {
  return k.temps((tmp) => {
    const [, positions] = argmaxPool(k, x, a).map(tmp);
    const [n, c, h, w] = x.shape;
    const planes = tmp(k.call('Reshape', { x: g }, { shape: [n * c, h, w, 1] }));
    const padded = tmp(
      k.call('PadV2', { x: planes }, { paddings: paddings(x.shape, a), constantValue: 0 }),
    );
    return gatherPlanes(k, tmp, padded, positions, x.shape, a);
  });
}
