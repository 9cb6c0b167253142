import type { TfKernelPatch } from '@mxts/tfjs-adapter';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs-core';

type Named = Record<string, TensorInfo>;
type PickAttrs = { axis: number; shape: number[] };

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * The position along the axis that index value `v` picks: clipped into [0, n), truncated
 * toward zero, NaN as 0 (the adapter's Clip + Cast, and MXNet's pick in mode 'clip').
 */
function clipIndex(v: number, n: number): number {
  return v >= n - 1 ? n - 1 : v > 0 ? Math.trunc(v) : 0;
}

/**
 * `pick` and its gradient on the heap, in one pass of host code: the adapter's composition
 * (clip, cast, offsets, gather or scatter, reshapes) is 8-9 TF.js kernels of ~20-40 us each
 * for what is one read or write per row. Data (x, g) and index may be float32 or int32.
 */
export const pickPatches: Record<string, TfKernelPatch> = {
  MxtsPick: (k, inputs, attrs) => {
    const { x, index } = inputs as Named;
    const { axis, shape } = attrs as PickAttrs;
    const tf = k.tf as BackendWasm;
    const out = k.track(tf.makeOutput(shape, x.dtype));
    // Views after the allocation, which may have grown (moved) the heap.
    const xs = tf.typedArrayFromHeap(x);
    const is = tf.typedArrayFromHeap(index);
    const ys = tf.typedArrayFromHeap(out);
    const n = x.shape[axis];
    const q = size(x.shape.slice(axis + 1));
    for (let r = 0; r < ys.length; r++) {
      const inner = r % q;
      ys[r] = xs[(r - inner) * n + clipIndex(is[r], n) * q + inner];
    }
    return out;
  },
  MxtsPickScatter: (k, inputs, attrs) => {
    const { g, index } = inputs as Named;
    const { axis, shape } = attrs as PickAttrs;
    const tf = k.tf as BackendWasm;
    const out = k.track(tf.makeOutput(shape, g.dtype));
    const gs = tf.typedArrayFromHeap(g);
    const is = tf.typedArrayFromHeap(index);
    const ys = tf.typedArrayFromHeap(out);
    // The heap is not zeroed.
    ys.fill(0);
    const n = shape[axis];
    const q = size(shape.slice(axis + 1));
    for (let r = 0; r < gs.length; r++) {
      const inner = r % q;
      ys[(r - inner) * n + clipIndex(is[r], n) * q + inner] = gs[r];
    }
    return out;
  },
};
