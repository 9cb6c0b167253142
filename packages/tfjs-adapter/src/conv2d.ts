import type { KernelAttrs } from '@mxts/core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelContext } from './kernel-context.js';

/**
 * MXNet's NCHW convolution on TF.js's kernels. Each engine gets the cheapest kernels it
 * has (measured in bench/conv.mjs):
 * - Conv2DBackpropInput takes NCHW data on cpu, wasm and webgpu, with padding as an
 *   attribute: no transposes, no padded copies (dilation is a dilated filter).
 * - Conv2D: NCHW on cpu, with padding and dilation as attributes; NHWC on wasm (XNNPACK
 *   takes nothing else) and webgpu, with the data and output transposed around it.
 * - The filter gradient: an NCHW Conv2D over the batch on cpu (its Conv2DBackpropFilter
 *   is a per-element loop), webgpu's own Conv2DBackpropFilter, and on wasm (which has
 *   none) the generic Conv2D below.
 * - Any other engine (tfjs-node) runs the generic path: Conv2D and Conv2DBackpropInput in
 *   NHWC with 'valid' padding and unit dilation; padding is applied (or cut off) around
 *   them, dilation is a filter with zeros inserted, and the filter gradient is a Conv2D.
 * Groups are convolved one by one. TF.js rejects strides and dilations both above 1; such
 * convolutions run with a dilated filter.
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

/** Channels [g*n, (g+1)*n) of `axis` (by default the last); the whole tensor for one group. */
function group(
  k: KernelContext,
  x: TensorInfo,
  g: number,
  n: number,
  axis = x.shape.length - 1,
): TensorInfo {
  if (n === x.shape[axis]) return k.call('Identity', { x });
  const begin = x.shape.map((_, i) => (i === axis ? g * n : 0));
  const size = x.shape.map((d, i) => (i === axis ? n : d));
  return slice(k, x, begin, size);
}

/** Runs `f` per group and concatenates the results along `axis` (by default the last). */
function perGroup(
  k: KernelContext,
  tmp: Tmp,
  groups: number,
  f: (g: number) => TensorInfo,
  axis = 3,
): TensorInfo {
  if (groups === 1) return f(0);
  const parts = Array.from({ length: groups }, (_, g) => tmp(f(g)));
  return k.call('Concat', parts, { axis });
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
function genericConv2d(k: KernelContext, x: TensorInfo, w: TensorInfo, a: Conv): TensorInfo {
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
function genericBackpropInput(
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
function genericBackpropFilter(
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

/**
 * The kernels each engine runs (measured in bench/conv.mjs). `conv`: Conv2D's layout.
 * Every engine here takes NCHW in Conv2DBackpropInput. `filter`: the weight gradient as an NCHW Conv2D over the batch,
 * the engine's own NCHW Conv2DBackpropFilter, or the generic NHWC Conv2D.
 */
const ENGINES: Readonly<
  Record<string, { conv: 'NCHW' | 'NHWC'; filter: 'conv' | 'native' | 'generic' }>
> = {
  // cpu's Conv2DBackpropFilter is a per-element loop: 1.6 s for LeNet's first layer's
  // filter gradient, against 0.1 s as a Conv2D.
  cpu: { conv: 'NCHW', filter: 'conv' },
  // XNNPACK takes NHWC only; there is no Conv2DBackpropFilter.
  wasm: { conv: 'NHWC', filter: 'generic' },
  // webgpu's NCHW Conv2D trips a tiling assertion on some shapes (one output channel).
  webgpu: { conv: 'NHWC', filter: 'native' },
};

/** Explicit NCHW padding of H and W, as TF.js's kernels take it. */
function nchwPad(pad: number[]): number[][] {
  return [
    [0, 0],
    [0, 0],
    [pad[0], pad[0]],
    [pad[1], pad[1]],
  ];
}

/** Explicit NHWC padding of H and W. */
function nhwcPad(pad: number[]): number[][] {
  return [
    [0, 0],
    [pad[0], pad[0]],
    [pad[1], pad[1]],
    [0, 0],
  ];
}

const unit = (v: readonly number[]) => v.every((d) => d === 1);

/** Whether TF.js's kernels take these strides and dilations together. */
function nativeDilation(a: Conv): boolean {
  return unit(a.stride) || unit(a.dilate);
}

/** conv2d: (N, C, H, W) data, (O, C/groups, kh, kw) weight. */
export function conv2d(k: KernelContext, x: TensorInfo, w: TensorInfo, a: Conv): TensorInfo {
  const engine = ENGINES[k.tfName];
  if (engine === undefined) return genericConv2d(k, x, w, a);
  const nchw = engine.conv === 'NCHW';
  return k.temps((tmp) => {
    // Native dilation where TF.js takes it, a dilated filter where it does not.
    const dilations = nativeDilation(a) ? a.dilate : [1, 1];
    const f = tmp(nativeDilation(a) ? transpose(k, w, OIHW_TO_HWIO) : filterOf(k, tmp, w, a));
    const cin = f.shape[2];
    const cout = f.shape[3] / a.groups;
    const attrs = { strides: a.stride, dilations };
    if (nchw) {
      return perGroup(
        k,
        tmp,
        a.groups,
        (g) =>
          k.call(
            'Conv2D',
            { x: tmp(group(k, x, g, cin, 1)), filter: tmp(group(k, f, g, cout)) },
            { ...attrs, pad: nchwPad(a.pad), dataFormat: 'NCHW' },
          ),
        1,
      );
    }
    const xt = tmp(transpose(k, x, NCHW_TO_NHWC));
    const y = perGroup(k, tmp, a.groups, (g) =>
      k.call(
        'Conv2D',
        { x: tmp(group(k, xt, g, cin)), filter: tmp(group(k, f, g, cout)) },
        { ...attrs, pad: nhwcPad(a.pad), dataFormat: 'NHWC' },
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
  if (ENGINES[k.tfName] === undefined) return genericBackpropInput(k, dy, w, a);
  return k.temps((tmp) => {
    const [n, c, h, wd] = a.shape;
    // TF.js's Conv2DBackpropInput has no dilation: a dilated filter.
    const f = tmp(filterOf(k, tmp, w, a));
    const cout = f.shape[3] / a.groups;
    // wasm's NCHW loop is as fast as its NHWC one, without the transposes.
    return perGroup(
      k,
      tmp,
      a.groups,
      (g) =>
        k.call(
          'Conv2DBackpropInput',
          { dy: tmp(group(k, dy, g, cout, 1)), filter: tmp(group(k, f, g, cout)) },
          {
            inputShape: [n, c / a.groups, h, wd],
            strides: a.stride,
            pad: nchwPad(a.pad),
            dataFormat: 'NCHW',
          },
        ),
      1,
    );
  });
}

/**
 * The weight gradient: data (N, C, H, W) and dy (N, O, OH, OW) give (O, C/groups, kh, kw).
 * On NCHW engines it is one NCHW Conv2D over the batch (TF.js's Conv2DBackpropFilter is a
 * per-element loop, 60x slower on cpu): the data with batch and channel axes swapped,
 * convolved with dy as its filter, dilated by the stride, strided by the dilation.
 */
export function conv2dBackpropFilter(
  k: KernelContext,
  x: TensorInfo,
  dy: TensorInfo,
  a: KernelAttrs['conv2dBackpropFilter'],
): TensorInfo {
  // TF.js's kernels take no dilation here (Conv2DBackpropFilter), or take dy's spreading
  // (the stride) as a dilation only where the dilation is 1.
  const filter = ENGINES[k.tfName]?.filter ?? 'generic';
  if (filter === 'generic' || !unit(a.dilate)) return genericBackpropFilter(k, x, dy, a);
  if (filter === 'native') return nativeBackpropFilter(k, x, dy, a);
  return k.temps((tmp) => {
    const [o, cin, kh, kw] = a.shape;
    const cout = o / a.groups;
    // (C, N, H, W): channels become the batch, the batch the channels.
    // A reshape where either axis has one element (a first layer's single channel).
    const [n0, c0, h0, w0] = x.shape;
    const xs = tmp(
      n0 === 1 || c0 === 1
        ? k.call('Reshape', { x }, { shape: [c0, n0, h0, w0] })
        : transpose(k, x, [1, 0, 2, 3]),
    );
    // (OH, OW, N, O): dy as an HWIO filter.
    const f = tmp(transpose(k, dy, [2, 3, 0, 1]));
    const dw = perGroup(
      k,
      tmp,
      a.groups,
      (g) => {
        const full = tmp(
          k.call(
            'Conv2D',
            { x: tmp(group(k, xs, g, cin, 0)), filter: tmp(group(k, f, g, cout)) },
            { strides: [1, 1], dilations: a.stride, pad: nchwPad(a.pad), dataFormat: 'NCHW' },
          ),
        );
        // (cin, cout, kh', kw') with kh' >= kh: the taps past the kernel are dropped.
        return slice(k, full, [0, 0, 0, 0], [cin, cout, kh, kw]);
      },
      1,
    );
    // (cin, O, kh, kw) -> (O, cin, kh, kw)
    return transpose(k, tmp(dw), [1, 0, 2, 3]);
  });
}

/** The weight gradient by the engine's NCHW Conv2DBackpropFilter (unit dilation). */
function nativeBackpropFilter(
  k: KernelContext,
  x: TensorInfo,
  dy: TensorInfo,
  a: KernelAttrs['conv2dBackpropFilter'],
): TensorInfo {
  return k.temps((tmp) => {
    const [o, cin, kh, kw] = a.shape;
    const cout = o / a.groups;
    const hwio = perGroup(k, tmp, a.groups, (g) =>
      k.call(
        'Conv2DBackpropFilter',
        { x: tmp(group(k, x, g, cin, 1)), dy: tmp(group(k, dy, g, cout, 1)) },
        {
          filterShape: [kh, kw, cin, cout],
          strides: a.stride,
          pad: nchwPad(a.pad),
          dataFormat: 'NCHW',
        },
      ),
    );
    // (kh, kw, cin, O) -> (O, cin, kh, kw)
    return transpose(k, tmp(hwio), [3, 2, 0, 1]);
  });
}
