import {
  composedPick,
  composedPickScatter,
  type KernelContext,
  type TfKernelPatch,
} from '@mxts/tfjs-adapter';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { NativeOpRunner } from './tfjs-node-kernel-patches.js';

type Named = Record<string, TensorInfo>;
type PickAttrs = { axis: number; shape: number[] };

/**
 * Up to this many elements, `pick` and its gradient read their operands to the host and
 * write the result back (3 binding calls) instead of the adapter's 8-9 TensorFlow ops, each
 * ~50-70 us here whatever its size; past it, the copies cost more than the dispatches.
 */
export const HOST_PICK_MAX = 1 << 16;

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Clipped into [0, n), truncated toward zero, NaN as 0: the adapter's Clip + Cast. */
function clipIndex(v: number, n: number): number {
  return v >= n - 1 ? n - 1 : v > 0 ? Math.trunc(v) : 0;
}

function read(k: KernelContext, t: TensorInfo): ArrayLike<number> {
  return k.tf.readSync(t.dataId) as ArrayLike<number>;
}

/** `pick`'s gather and scatter on the host, row r at (r - r%q)*n + clip(index[r])*q + r%q. */
function positions(shape: readonly number[], axis: number, index: ArrayLike<number>): number[] {
  const n = shape[axis];
  const q = size(shape.slice(axis + 1));
  return Array.from(index, (v, r) => (r - (r % q)) * n + clipIndex(v, n) * q + (r % q));
}

const HOST_ARRAYS = { float32: Float32Array, int32: Int32Array } as const;

/**
 * tfjs-node's fused kernels for the adapter: log-softmax over the last axis as TensorFlow's
 * own LogSoftmax op (one op for six), and small `pick`s on the host (larger ones keep the
 * adapter's composition).
 */
export const tfjsNodeFusedPatches: Readonly<Record<string, TfKernelPatch>> = {
  MxtsLogSoftmax: (k, inputs) => {
    const { x } = inputs as Named;
    const tf = k.tf as unknown as NativeOpRunner;
    const attrs = [
      { name: 'T', type: tf.binding.TF_ATTR_TYPE, value: tf.getDTypeInteger('float32') },
    ];
    return k.track(tf.executeSingleOutput('LogSoftmax', attrs, [x]));
  },
  MxtsPick: (k, inputs, attrs) => {
    const { x, index } = inputs as Named;
    const { axis, shape } = attrs as PickAttrs;
    if (size(x.shape) > HOST_PICK_MAX) return composedPick(k, x, index, axis, shape);
    const xs = read(k, x);
    const at = positions(x.shape, axis, read(k, index));
    const Type = HOST_ARRAYS[x.dtype as 'float32' | 'int32'];
    const out = new Type(at.length);
    at.forEach((p, r) => {
      out[r] = xs[p];
    });
    return k.write(out, shape, x.dtype as 'float32' | 'int32');
  },
  MxtsPickScatter: (k, inputs, attrs) => {
    const { g, index } = inputs as Named;
    const { axis, shape } = attrs as PickAttrs;
    if (size(shape) > HOST_PICK_MAX) return composedPickScatter(k, g, index, axis, shape);
    const gs = read(k, g);
    const Type = HOST_ARRAYS[g.dtype as 'float32' | 'int32'];
    const out = new Type(size(shape));
    positions(shape, axis, read(k, index)).forEach((p, r) => {
      out[p] = gs[r];
    });
    return k.write(out, shape, g.dtype as 'float32' | 'int32');
  },
};
