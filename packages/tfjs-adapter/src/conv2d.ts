import type { KernelAttrs } from '@mxts/core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelContext } from './kernel-context.js';

/**
 * MXNet's NCHW convolution on TF.js's NHWC kernels, written so that every engine runs it:
 * only Conv2D and Conv2DBackpropInput with 'valid' padding, unit dilation and one group.
 * Padding is applied (or cut off) around them, dilation is a filter with zeros inserted,
 * groups are convolved one by one, and the filter gradient is itself a Conv2D (wasm has no
 * Conv2DBackpropFilter; TF.js rejects strides and dilations both above 1).
 */
type Conv = KernelAttrs['conv2d'];
type Tmp = (t: TensorInfo) => TensorInfo;

const NCHW_TO_NHWC = [0, 2, 3, 1];
const NHWC_TO_NCHW = [0, 3, 1, 2];
// (O, I, kh, kw) -> (kh, kw, I, O)
const OIHW_TO_HWIO = [2, 3, 1, 0];

const VALID = { pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] } as const;

function transpose(k: KernelContext, x: TensorInfo, perm: number[]): TensorInfo {
  return k.call('Transpose', { x }, { perm });
}

function slice(k: KernelContext, x: TensorInfo, begin: number[], size: number[]): TensorInfo {
  return k.call('Slice', { x }, { begin, size });
}

/** A new tensor whose element j*d along axis 0 is element j of x; the rest are zeros. */
function spreadAxis0(k: KernelContext, tmp: Tmp, x: TensorInfo, d: number): TensorInfo {
  if (d === 1) return k.call('Identity', { x });
  const [n, ...rest] = x.shape;
  const m = rest.reduce((a, b) => a * b, 1);
  const x3 = tmp(k.call('Reshape', { x }, { shape: [n, 1, m] }));
  const padded = tmp(
    k.call(
      'PadV2',
      { x: x3 },
      {
        paddings: [
          [0, 0],
          [0, d - 1],
          [0, 0],
        ],
        constantValue: 0,
      },
    ),
  );
  const flat = tmp(k.call('Reshape', { x: padded }, { shape: [n * d, m] }));
  const cut = tmp(slice(k, flat, [0, 0], [(n - 1) * d + 1, m]));
  return k.call('Reshape', { x: cut }, { shape: [(n - 1) * d + 1, ...rest] });
}

/** An HWIO filter dilated by (dh, dw): zeros between its taps (a new tensor the caller owns). */
function dilateHW(k: KernelContext, tmp: Tmp, w: TensorInfo, dh: number, dw: number): TensorInfo {
  if (dw === 1) return spreadAxis0(k, tmp, w, dh);
  const rows = tmp(spreadAxis0(k, tmp, w, dh));
  const swapped = tmp(transpose(k, rows, [1, 0, 2, 3]));
  const cols = tmp(spreadAxis0(k, tmp, swapped, dw));
  return transpose(k, cols, [1, 0, 2, 3]);
}

/** Channels [g*n, (g+1)*n) of the last axis. */
function group(k: KernelContext, x: TensorInfo, g: number, n: number): TensorInfo {
  const begin = x.shape.map((_, i) => (i === x.shape.length - 1 ? g * n : 0));
  const size = x.shape.map((d, i) => (i === x.shape.length - 1 ? n : d));
  return slice(k, x, begin, size);
}

/** Runs `f` per group and concatenates the results along the last axis. */
function perGroup(
  k: KernelContext,
  tmp: Tmp,
  groups: number,
  f: (g: number) => TensorInfo,
): TensorInfo {
  if (groups === 1) return f(0);
  const parts = Array.from({ length: groups }, (_, g) => tmp(f(g)));
  return k.call('Concat', parts, { axis: 3 });
}

/** The NHWC data padded by `pad` on both sides of H and W. */
function padHW(k: KernelContext, x: TensorInfo, pad: number[]): TensorInfo {
  const [ph, pw] = pad;
  if (ph === 0 && pw === 0) return k.call('Identity', { x });
  return k.call(
    'PadV2',
    { x },
    {
      paddings: [
        [0, 0],
        [ph, ph],
        [pw, pw],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
}

/** The weight as a dilated HWIO filter. */
function filterOf(k: KernelContext, tmp: Tmp, w: TensorInfo, a: Conv): TensorInfo {
  const hwio = tmp(transpose(k, w, OIHW_TO_HWIO));
  return dilateHW(k, tmp, hwio, a.dilate[0], a.dilate[1]);
}

/** conv2d: (N, C, H, W) data, (O, C/groups, kh, kw) weight. */
export function conv2d(k: KernelContext, x: TensorInfo, w: TensorInfo, a: Conv): TensorInfo {
  return k.temps((tmp) => {
    const xp = tmp(padHW(k, tmp(transpose(k, x, NCHW_TO_NHWC)), a.pad));
    const f = tmp(filterOf(k, tmp, w, a));
    const cin = f.shape[2];
    const cout = f.shape[3] / a.groups;
    const y = perGroup(k, tmp, a.groups, (g) =>
      k.call(
        'Conv2D',
        { x: tmp(group(k, xp, g, cin)), filter: tmp(group(k, f, g, cout)) },
        { ...VALID, strides: a.stride },
      ),
    );
    return transpose(k, tmp(y), NHWC_TO_NCHW);
  });
}

/** The data gradient: dy (N, O, OH, OW) and the weight give (N, C, H, W) = `shape`. */
export function conv2dBackpropInput(
  k: KernelContext,
  dy: TensorInfo,
  w: TensorInfo,
  a: KernelAttrs['conv2dBackpropInput'],
): TensorInfo {
  return k.temps((tmp) => {
    const [n, c, h, wd] = a.shape;
    const [ph, pw] = a.pad;
    const dyt = tmp(transpose(k, dy, NCHW_TO_NHWC));
    const f = tmp(filterOf(k, tmp, w, a));
    const cin = f.shape[2];
    const cout = f.shape[3] / a.groups;
    const inputShape = [n, h + 2 * ph, wd + 2 * pw, cin];
    const gp = perGroup(k, tmp, a.groups, (g) =>
      k.call(
        'Conv2DBackpropInput',
        { dy: tmp(group(k, dyt, g, cout)), filter: tmp(group(k, f, g, cout)) },
        { ...VALID, inputShape, strides: a.stride },
      ),
    );
    const inner = tmp(slice(k, tmp(gp), [0, ph, pw, 0], [n, h, wd, c]));
    return transpose(k, inner, NHWC_TO_NCHW);
  });
}

/**
 * The weight gradient, as a Conv2D over the batch: dW[a, b, i, o] = sum over n, p, q of
 * x[n, p*s + a*d, q*s + b*d, i] * dy[n, p, q, o], a convolution of x (batch and channel
 * axes swapped) with dy as its filter, dilated by the stride, strided by the dilation.
 */
export function conv2dBackpropFilter(
  k: KernelContext,
  x: TensorInfo,
  dy: TensorInfo,
  a: KernelAttrs['conv2dBackpropFilter'],
): TensorInfo {
  return k.temps((tmp) => {
    const [o, cin, kh, kw] = a.shape;
    const cout = o / a.groups;
    // (C, H+2ph, W+2pw, N): channels become the batch, the batch the channels.
    const xs = tmp(padHW(k, tmp(transpose(k, x, [1, 2, 3, 0])), a.pad));
    // (OH, OW, N, O): dy as an HWIO filter, spread by the stride.
    const f = tmp(dilateHW(k, tmp, tmp(transpose(k, dy, [2, 3, 0, 1])), a.stride[0], a.stride[1]));
    const dw = perGroup(k, tmp, a.groups, (g) => {
      const xg = tmp(slice(k, xs, [g * cin, 0, 0, 0], [cin, ...xs.shape.slice(1)]));
      const full = tmp(
        k.call(
          'Conv2D',
          { x: xg, filter: tmp(group(k, f, g, cout)) },
          { ...VALID, strides: a.dilate },
        ),
      );
      // (cin, kh', kw', cout) with kh' >= kh: the taps past the kernel are dropped.
      return slice(k, full, [0, 0, 0, 0], [cin, kh, kw, cout]);
    });
    // (cin, kh, kw, O) -> (O, cin, kh, kw)
    return transpose(k, tmp(dw), [3, 0, 1, 2]);
  });
}
