import type { KernelAttrs } from '@mxts/core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelContext } from './kernel-context.js';

/**
 * MXNet's NCHW max pooling (pool.h): each window's maximum, starting from -FLT_MAX with a
 * strict comparison, so NaN and -inf never win and a window without a winner gives
 * -FLT_MAX; the gradient goes to the window's first maximum (row-major).
 *
 * Where an engine's own MaxPool and MaxPoolGrad give exactly that (`NATIVE`), they run on
 * the data as NHWC planes of one channel (a reshape, no transpose). Elsewhere (wasm's and
 * webgpu's MaxPoolGrad take the last of tied maxima) the windows are walked tap by tap:
 * each tap's values of every window are picked out of the planes (one transpose when the
 * windows tile the planes, slices otherwise), and a strict Greater against the running
 * maximum keeps the first maximum's value and position, as MXNet's loop does. The values,
 * the gradient (dy scattered to those positions) and its adjoint (g gathered from them) all
 * come from these positions, so they agree.
 */
type Pool = KernelAttrs['maxPool2d'];
type Tmp = (t: TensorInfo) => TensorInfo;

const LOWEST = -3.4028234663852886e38;

/**
 * Engines whose MaxPool and MaxPoolGrad, on NHWC planes of one channel, give MXNet's
 * answers (checked on ties, NaN, infinities, padding and overlapping windows).
 */
const NATIVE: ReadonlySet<string> = new Set(['cpu']);

/**
 * Engines whose MaxPool gives MXNet's values once NaN is made -inf (wasm's MaxPoolGrad
 * takes the last of tied maxima, so gradients walk the windows). webgpu's MaxPool gets
 * windows of -inf wrong.
 */
const NATIVE_VALUES: ReadonlySet<string> = new Set(['wasm']);

/** Whether the engine's kernels run this pooling (cpu's MaxPool returns x itself for 1x1). */
function native(k: KernelContext, a: Pool): boolean {
  return NATIVE.has(k.tfName) && a.kernel[0] * a.kernel[1] > 1;
}

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

/** Whether the windows tile the padded planes: stride = kernel, none past the padding. */
function tiles(shape: readonly number[], a: Pool): boolean {
  const [, , h, w] = shape;
  const [kh, kw] = a.kernel;
  return (
    a.stride[0] === kh &&
    a.stride[1] === kw &&
    h + a.pad[0] <= a.out[0] * kh &&
    w + a.pad[1] <= a.out[1] * kw
  );
}

/** x as (N*C, H, W, 1) planes: NHWC with one channel. */
function planesOf(k: KernelContext, x: TensorInfo): TensorInfo {
  const [n, c, h, w] = x.shape;
  return k.call('Reshape', { x }, { shape: [n * c, h, w, 1] });
}

/** The engine's MaxPool attributes, MXNet's padding made explicit. */
function poolAttrs(shape: readonly number[], a: Pool) {
  return { filterSize: a.kernel, strides: a.stride, pad: paddings(shape, a) };
}

/**
 * Each window's maximum, (N*C, OH, OW, 1) before MXNet's floor of -FLT_MAX, and, if asked,
 * the flat position of its first maximum in the padded planes `padded` (N*C, Hp, Wp),
 * int32, or N*C*Hp*Wp (one past the end) for a window without one.
 */
function walkWindows(
  k: KernelContext,
  x: TensorInfo,
  a: Pool,
  withPositions: boolean,
): { best: TensorInfo; positions: TensorInfo | null; padded: number[] } {
  return k.temps((tmp) => {
    const [n, c, h, w] = x.shape;
    const [kh, kw] = a.kernel;
    const [oh, ow] = a.out;
    const [sh, sw] = a.stride;
    const p = n * c;
    // Windows that tile the padded planes (stride = kernel) are read by one transpose
    // that puts each tap's values together; others by slices with room for every tap's
    // OH*sh rows and OW*sw columns (non-contiguous slices are slow on cpu and wasm).
    const tiled = tiles(x.shape, a);
    const hp = tiled ? oh * kh : Math.max(h + a.pad[0], kh - 1 + oh * sh);
    const wp = tiled ? ow * kw : Math.max(w + a.pad[1], kw - 1 + ow * sw);
    // -inf padding never wins, as MXNet's loop skips the padding.
    const unpadded = tmp(planesOf(k, x));
    const padded = tmp(
      hp === h && wp === w
        ? k.call('Identity', { x: unpadded })
        : k.call(
            'PadV2',
            { x: unpadded },
            {
              paddings: [
                [0, 0],
                [a.pad[0], hp - h - a.pad[0]],
                [a.pad[1], wp - w - a.pad[1]],
                [0, 0],
              ],
              constantValue: Number.NEGATIVE_INFINITY,
            },
          ),
    );
    const outShape = [p, oh, ow, 1];
    const reshape = (t: TensorInfo, shape: number[]) => tmp(k.call('Reshape', { x: t }, { shape }));
    const slice = (t: TensorInfo, begin: number[], size: number[]) =>
      tmp(k.call('Slice', { x: t }, { begin, size }));
    // (kh*kw, P*OH*OW): row r*kw + s holds tap (r, s) of every window.
    const byTap = tiled
      ? reshape(
          tmp(
            k.call(
              'Transpose',
              { x: reshape(padded, [p * oh, kh, ow, kw]) },
              { perm: [1, 3, 0, 2] },
            ),
          ),
          [kh * kw, p * oh * ow],
        )
      : null;
    const tapOf = (r: number, s: number, rows: TensorInfo | null): TensorInfo => {
      if (byTap !== null) return reshape(slice(byTap, [r * kw + s, 0], [1, p * oh * ow]), outShape);
      const cols = slice(reshape(rows as TensorInfo, [p, oh, wp]), [0, 0, s], [p, oh, ow * sw]);
      return reshape(slice(reshape(cols, [p, oh, ow, sw]), [0, 0, 0, 0], [p, oh, ow, 1]), outShape);
    };
    let best = k.call(
      'Fill',
      {},
      { shape: outShape, value: Number.NEGATIVE_INFINITY, dtype: x.dtype },
    );
    let positions: TensorInfo | null = null;
    let corner: TensorInfo | null = null;
    if (withPositions) {
      positions = k.call('Fill', {}, { shape: outShape, value: p * hp * wp, dtype: 'int32' });
      const base = new Int32Array(p * oh * ow);
      for (let q = 0, i = 0; q < p; q++) {
        for (let y = 0; y < oh; y++) {
          for (let z = 0; z < ow; z++, i++) base[i] = (q * hp + y * sh) * wp + z * sw;
        }
      }
      corner = tmp(k.write(base, outShape, 'int32'));
    }
    try {
      for (let r = 0; r < kh; r++) {
        // Rows r, r + sh, ...: (P, OH, 1, Wp).
        let rows: TensorInfo | null = null;
        if (byTap === null) {
          const band = slice(padded, [0, r, 0, 0], [p, oh * sh, wp, 1]);
          rows = slice(reshape(band, [p, oh, sh, wp]), [0, 0, 0, 0], [p, oh, 1, wp]);
        }
        for (let s = 0; s < kw; s++) {
          const tap = tapOf(r, s, rows);
          // Strict: a later equal value keeps the first; NaN compares false.
          const wins = tmp(k.call('Greater', { a: tap, b: best }));
          const next = k.call('Select', { condition: wins, t: tap, e: best });
          k.dispose(best);
          best = next;
          if (positions !== null && corner !== null) {
            const here = tmp(k.call('Add', { a: corner, b: k.constant(r * wp + s, 'int32') }));
            const moved = k.call('Select', { condition: wins, t: here, e: positions });
            k.dispose(positions);
            positions = moved;
          }
        }
      }
    } catch (e) {
      k.dispose(best);
      if (positions !== null) k.dispose(positions);
      throw e;
    }
    return { best, positions, padded: [p, hp, wp] };
  });
}

/** Floors at -FLT_MAX (a window without a winner) and shapes as (N, C, OH, OW). */
function floored(k: KernelContext, tmp: Tmp, y: TensorInfo, x: TensorInfo, a: Pool) {
  const f = tmp(k.call('Maximum', { a: y, b: k.constant(LOWEST, x.dtype) }));
  return k.call('Reshape', { x: f }, { shape: [x.shape[0], x.shape[1], a.out[0], a.out[1]] });
}

/** The pooled maxima, (N, C, OH, OW). */
export function maxPool2d(k: KernelContext, x: TensorInfo, a: Pool): TensorInfo {
  return k.temps((tmp) => {
    if (native(k, a)) {
      const y = tmp(k.call('MaxPool', { x: tmp(planesOf(k, x)) }, poolAttrs(x.shape, a)));
      return floored(k, tmp, y, x, a);
    }
    if (NATIVE_VALUES.has(k.tfName) && a.kernel[0] * a.kernel[1] > 1) {
      // NaN made -inf first: these engines' MaxPool may let NaN win.
      const planes = tmp(planesOf(k, x));
      const lows = tmp(
        k.call(
          'Fill',
          {},
          { shape: planes.shape, value: Number.NEGATIVE_INFINITY, dtype: x.dtype },
        ),
      );
      const isNan = tmp(k.call('IsNan', { x: planes }));
      const clean = tmp(k.call('Select', { condition: isNan, t: lows, e: planes }));
      const y = tmp(k.call('MaxPool', { x: clean }, poolAttrs(x.shape, a)));
      return floored(k, tmp, y, x, a);
    }
    return floored(k, tmp, tmp(walkWindows(k, x, a, false).best), x, a);
  });
}

/** The gradient: dy (N, C, OH, OW) added at each window's first maximum, in x's shape. */
export function maxPool2dGrad(
  k: KernelContext,
  x: TensorInfo,
  dy: TensorInfo,
  a: Pool,
): TensorInfo {
  const [n, c, h, w] = x.shape;
  return k.temps((tmp) => {
    // The walk beats cpu's MaxPoolGrad (a per-element loop) 4x when the windows tile.
    if (native(k, a) && !tiles(x.shape, a)) {
      const planes = tmp(planesOf(k, x));
      const attrs = poolAttrs(x.shape, a);
      // The engine finds the maxima again from the input; the output is part of the contract.
      const output = tmp(k.call('MaxPool', { x: planes }, attrs));
      const dyPlanes = tmp(k.call('Reshape', { x: dy }, { shape: [n * c, ...a.out, 1] }));
      const dx = tmp(k.call('MaxPoolGrad', { dy: dyPlanes, input: planes, output }, attrs));
      return k.call('Reshape', { x: dx }, { shape: x.shape });
    }
    const walk = walkWindows(k, x, a, true);
    tmp(walk.best);
    const positions = tmp(walk.positions as TensorInfo);
    const [p, hp, wp] = walk.padded;
    const m = p * a.out[0] * a.out[1];
    const indices = tmp(k.call('Reshape', { x: positions }, { shape: [m, 1] }));
    const updates = tmp(k.call('Reshape', { x: dy }, { shape: [m] }));
    // ScatterNd sums the entries of overlapping windows that share a maximum; windows
    // without one land in the extra last slot, which is dropped.
    const flat = tmp(k.call('ScatterNd', { indices, updates }, { shape: [p * hp * wp + 1] }));
    const kept = tmp(k.call('Slice', { x: flat }, { begin: [0], size: [p * hp * wp] }));
    const planes = tmp(k.call('Reshape', { x: kept }, { shape: [p, hp, wp] }));
    const inner = tmp(
      k.call('Slice', { x: planes }, { begin: [0, a.pad[0], a.pad[1]], size: [p, h, w] }),
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
    const walk = walkWindows(k, x, a, true);
    tmp(walk.best);
    const positions = tmp(walk.positions as TensorInfo);
    const [p, hp, wp] = walk.padded;
    const [, , h, w] = x.shape;
    const planes = tmp(planesOf(k, g));
    const padded = tmp(
      k.call(
        'PadV2',
        { x: planes },
        {
          paddings: [
            [0, 0],
            [a.pad[0], hp - h - a.pad[0]],
            [a.pad[1], wp - w - a.pad[1]],
            [0, 0],
          ],
          constantValue: 0,
        },
      ),
    );
    const flat = tmp(k.call('Reshape', { x: padded }, { shape: [p * hp * wp] }));
    // One zero past the end, read by windows without a maximum.
    const withZero = tmp(k.call('PadV2', { x: flat }, { paddings: [[0, 1]], constantValue: 0 }));
    const picked = tmp(
      k.call('GatherV2', { x: withZero, indices: positions }, { axis: 0, batchDims: 0 }),
    );
    return k.call('Reshape', { x: picked }, { shape: [x.shape[0], x.shape[1], ...a.out] });
  });
}
