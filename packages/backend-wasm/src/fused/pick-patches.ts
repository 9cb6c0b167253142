import { hostPickPositions, type TfKernelPatch } from '@mxts/tfjs-adapter';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs-core';

type Named = Record<string, TensorInfo>;
type PickAttrs = { axis: number; shape: number[] };

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
    const ys = tf.typedArrayFromHeap(out);
    const at = hostPickPositions(x.shape, axis, tf.typedArrayFromHeap(index));
    for (let r = 0; r < at.length; r++) ys[r] = xs[at[r]];
    return out;
  },
  MxtsPickScatter: (k, inputs, attrs) => {
    const { g, index } = inputs as Named;
    const { axis, shape } = attrs as PickAttrs;
    const tf = k.tf as BackendWasm;
    const out = k.track(tf.makeOutput(shape, g.dtype));
    const gs = tf.typedArrayFromHeap(g);
    const ys = tf.typedArrayFromHeap(out);
    // The heap is not zeroed.
    ys.fill(0);
    const at = hostPickPositions(shape, axis, tf.typedArrayFromHeap(index));
    for (let r = 0; r < at.length; r++) ys[at[r]] = gs[r];
    return out;
  },
};
