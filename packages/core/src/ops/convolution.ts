import { DTypeError } from '../errors/dtype-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import {
  checkIntList,
  checkNDArray,
  checkRequiredOptions,
  checkSize,
} from '../validate/check-args.js';
import { broadcastAdd } from './add.js';
import { applyOp } from './apply-op.js';
import { broadcastToShape } from './broadcast-to.js';

/** Options of `Convolution` (MXNet's keyword arguments). */
export interface ConvolutionOptions {
  /** Kernel size: (w) for 1-D, (h, w) for 2-D. Required. */
  kernel: readonly number[];
  /** Number of output channels. Required. */
  numFilter: number;
  /** Default 1 per axis. */
  stride?: readonly number[];
  /** Kernel dilation; default 1 per axis. */
  dilate?: readonly number[];
  /** Zero padding on both sides of each axis; default 0. */
  pad?: readonly number[];
  /** Groups of input channels, each convolved with its own filters; default 1. */
  numGroup?: number;
  /** No bias term; then pass `null` as bias. Default false. */
  noBias?: boolean;
  /** 'NCW' (1-D) or 'NCHW' (2-D); by default the one that fits the data. */
  layout?: 'NCW' | 'NCHW';
}

/** The options resolved for a 2-D convolution (1-D is 2-D with a height of 1). */
interface Geometry {
  stride: number[];
  dilate: number[];
  pad: number[];
  groups: number;
}

function positiveInts(
  name: string,
  v: readonly number[] | undefined,
  n: number,
  fallback: number,
  min: number,
): number[] {
  if (v !== undefined) checkIntList('Convolution', name, v);
  const out = v === undefined ? new Array<number>(n).fill(fallback) : [...v];
  if (out.length !== n || out.some((x) => !Number.isInteger(x) || x < min)) {
    throw new InvalidArgumentError(
      'Convolution',
      `${name} must list ${n} integer(s) >= ${min}, one per spatial axis; got (${out.join(', ')})`,
    );
  }
  return out;
}

/** Checks every argument of Convolution before anything runs; resolves its geometry. */
function resolve(
  data: NDArray,
  weight: NDArray,
  bias: NDArray | null,
  o: ConvolutionOptions,
): Geometry {
  const op = 'Convolution';
  if (data.ndim !== 3 && data.ndim !== 4) {
    throw new ShapeError(op, [data.shape], 'data must be 3-D (NCW) or 4-D (NCHW)');
  }
  const nd = data.ndim - 2;
  const layout = o.layout ?? (nd === 1 ? 'NCW' : 'NCHW');
  if (layout !== (nd === 1 ? 'NCW' : 'NCHW')) {
    throw new InvalidArgumentError(
      op,
      `layout '${String(layout)}' does not fit ${data.ndim}-D data; use 'NCW' for 3-D, 'NCHW' for 4-D`,
    );
  }
  if (o.kernel === undefined) throw new InvalidArgumentError(op, 'kernel is required');
  const kernel = positiveInts('kernel', o.kernel, nd, 1, 1);
  const stride = positiveInts('stride', o.stride, nd, 1, 1);
  const dilate = positiveInts('dilate', o.dilate, nd, 1, 1);
  const pad = positiveInts('pad', o.pad, nd, 0, 0);
  const { numFilter, numGroup = 1, noBias = false } = o;
  if (!Number.isInteger(numFilter) || numFilter < 1) {
    throw new InvalidArgumentError(op, `numFilter must be a positive integer, got ${numFilter}`);
  }
  if (!Number.isInteger(numGroup) || numGroup < 1) {
    throw new InvalidArgumentError(op, `numGroup must be a positive integer, got ${numGroup}`);
  }
  const channels = data.shape[1];
  if (channels % numGroup !== 0 || numFilter % numGroup !== 0) {
    throw new ShapeError(
      op,
      [data.shape],
      `numGroup=${numGroup} must divide the ${channels} input channels and numFilter=${numFilter}`,
    );
  }
  const wantW = [numFilter, channels / numGroup, ...kernel];
  if (weight.ndim !== wantW.length || weight.shape.some((d, i) => d !== wantW[i])) {
    throw new ShapeError(
      op,
      [data.shape, weight.shape],
      `weight must have shape (${wantW.join(', ')}): (numFilter, channels/numGroup, ...kernel)`,
    );
  }
  for (let i = 0; i < nd; i++) {
    const span = (kernel[i] - 1) * dilate[i] + 1;
    const size = data.shape[2 + i] + 2 * pad[i];
    if (span > size) {
      throw new ShapeError(
        op,
        [data.shape],
        `the dilated kernel (${span}) exceeds spatial axis ${i} padded to ${size}; lower kernel or dilate, or pad more`,
      );
    }
  }
  // The padded input is the largest array a convolution makes.
  checkSize(
    op,
    [...data.shape.slice(0, 2), ...data.shape.slice(2).map((d, i) => d + 2 * pad[i])],
    data.dtype,
  );
  if (data.dtype === 'int32') {
    throw new DTypeError(
      op,
      'data has dtype int32; Convolution takes float data, as MXNet (astype it)',
    );
  }
  if (weight.dtype !== data.dtype) {
    throw new DTypeError(op, `data has dtype ${data.dtype}, weight ${weight.dtype}; cast one`);
  }
  if (!noBias) {
    if (bias === null) {
      throw new InvalidArgumentError(op, 'bias is null; pass noBias: true to go without');
    }
    if (bias.size !== numFilter || bias.ndim !== 1) {
      throw new ShapeError(op, [bias.shape], `bias must have shape (${numFilter},)`);
    }
    if (bias.dtype !== data.dtype) {
      throw new DTypeError(op, `data has dtype ${data.dtype}, bias ${bias.dtype}; cast one`);
    }
  }
  const lift = (v: number[], one: number) => (nd === 1 ? [one, v[0]] : v);
  return {
    stride: lift(stride, 1),
    dilate: lift(dilate, 1),
    pad: lift(pad, 0),
    groups: numGroup,
  };
}

/**
 * MXNet `nd.Convolution(data, weight, bias, kernel, num_filter, stride, dilate, pad,
 * num_group, no_bias, layout)`: 1-D (NCW) or 2-D (NCHW) cross-correlation, with weight of
 * shape (numFilter, channels/numGroup, ...kernel). Each output axis has
 * floor((size + 2*pad - dilate*(kernel-1) - 1) / stride) + 1 elements. Its gradients are
 * convolutions too, so it differentiates to any order.
 *
 * @example
 * const x = mx.nd.ones([1, 1, 4, 4]);
 * const w = mx.nd.ones([2, 1, 3, 3]);
 * mx.nd.Convolution(x, w, null, { kernel: [3, 3], numFilter: 2, noBias: true }); // (1, 2, 2, 2) of 9s
 */
export function Convolution(
  data: NDArray,
  weight: NDArray,
  bias: NDArray | null,
  options: ConvolutionOptions,
): NDArray {
  checkNDArray('Convolution', 'data', data);
  checkNDArray('Convolution', 'weight', weight);
  if (bias !== null) checkNDArray('Convolution', 'bias', bias);
  checkRequiredOptions('Convolution', options);
  const g = resolve(data, weight, bias, options);
  const oneD = data.ndim === 3;
  return disposeCreated(() => {
    const x = oneD
      ? applyOp('reshape', [data], { shape: [data.shape[0], data.shape[1], 1, data.shape[2]] })
      : data;
    const w = oneD
      ? applyOp('reshape', [weight], { shape: [...weight.shape.slice(0, 2), 1, weight.shape[2]] })
      : weight;
    let y = applyOp('conv2d', [x, w], {
      stride: g.stride,
      pad: g.pad,
      dilate: g.dilate,
      groups: g.groups,
    });
    if (!(options.noBias ?? false)) {
      // The bias spread over one output image, added to (N, O*OH*OW): a broadcast along the
      // leading axis only, which engines run as a flat loop (TF.js's cpu kernels take 20x
      // longer to broadcast (1, O, 1, 1) against (N, O, OH, OW)).
      const [n, o, oh, ow] = y.shape;
      const column = applyOp('reshape', [bias!], { shape: [o, 1] });
      const image = applyOp('reshape', [broadcastToShape(column, [o, oh * ow])], {
        shape: [o * oh * ow],
      });
      const flat = applyOp('reshape', [y], { shape: [n, o * oh * ow] });
      y = applyOp('reshape', [broadcastAdd(flat, image)], { shape: [n, o, oh, ow] });
    }
    return oneD ? applyOp('reshape', [y], { shape: [y.shape[0], y.shape[1], y.shape[3]] }) : y;
  });
}
