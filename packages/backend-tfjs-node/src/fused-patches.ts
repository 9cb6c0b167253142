import {
  composedPick,
  composedPickScatter,
  hostPickPositions,
  type KernelContext,
  type TfKernelPatch,
} from '@mxts/tfjs-adapter';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { native } from './tfjs-node-kernel-patches.js';

type Named = Record<string, TensorInfo>;
type PickAttrs = { axis: number; shape: number[] };

/**
 * Up to this many elements, `pick` and its gradient read their operands to the host and
 * write the result back (3 binding calls) instead of the adapter's 8-9 TensorFlow ops, each
 * ~50-70 us here whatever its size; past it, the copies cost more than the dispatches.
 */
export const HOST_PICK_MAX = 1 << 16;

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

function read(k: KernelContext, t: TensorInfo): ArrayLike<number> {
  return k.tf.readSync(t.dataId) as ArrayLike<number>;
}

const HOST_ARRAYS = { float32: Float32Array, int32: Int32Array } as const;

/**
 * tfjs-node's fused kernels for the adapter: log-softmax over the last axis as TensorFlow's
 * own LogSoftmax op (one op for six), and small `pick`s on the host (larger ones keep the
 * adapter's composition).
 */
export const tfjsNodeFusedPatches: Readonly<Record<string, TfKernelPatch>> = {
  MxtsLogSoftmax: (k, inputs) => native(k, 'LogSoftmax', [(inputs as Named).x], 'float32'),
  MxtsPick: (k, inputs, attrs) => {
    const { x, index } = inputs as Named;
    const { axis, shape } = attrs as PickAttrs;
    if (size(x.shape) > HOST_PICK_MAX) return composedPick(k, x, index, axis, shape);
    const xs = read(k, x);
    const at = hostPickPositions(x.shape, axis, read(k, index));
    const Type = HOST_ARRAYS[x.dtype as 'float32' | 'int32'];
    const out = new Type(at.length);
    for (let r = 0; r < at.length; r++) out[r] = xs[at[r]];
    return k.write(out, shape, x.dtype as 'float32' | 'int32');
  },
  MxtsPickScatter: (k, inputs, attrs) => {
    const { g, index } = inputs as Named;
    const { axis, shape } = attrs as PickAttrs;
    if (size(shape) > HOST_PICK_MAX) return composedPickScatter(k, g, index, axis, shape);
    const gs = read(k, g);
    const Type = HOST_ARRAYS[g.dtype as 'float32' | 'int32'];
    const out = new Type(size(shape));
    const at = hostPickPositions(shape, axis, read(k, index));
    for (let r = 0; r < at.length; r++) out[at[r]] = gs[r];
    return k.write(out, shape, g.dtype as 'float32' | 'int32');
  },
};
