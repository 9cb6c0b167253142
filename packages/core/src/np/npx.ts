// The `mx.npx` namespace: MXNet's operators that NumPy lacks, on np arrays.
import { type Context, cpu as ctxCpu, gpu as ctxGpu } from '../backend/context.js';
import { registeredBackends } from '../backend/registry.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { disposeCreated } from '../memory/collect.js';
import { arange as ndArange } from '../ndarray/creation.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import * as nd from '../ops/index.js';
import { asNpInPlace, type NpArray } from './np-array.js';
import { full } from './np-creation.js';
import { isNp, setNpState } from './np-state.js';

const np = <T extends NDArray>(fn: () => T): NpArray => asNpInPlace(disposeCreated(fn));

/**
 * MXNet `npx.set_np(shape=True, array=True)`: turns on NumPy semantics, so Gluon blocks
 * take and give np arrays. Returns nothing; `isNp()` reads it.
 *
 * @example
 * mx.npx.setNp();
 */
export function setNp(): void {
  setNpState(true);
}

/** MXNet `npx.reset_np()`: back to the classic nd semantics. @example mx.npx.resetNp() */
export function resetNp(): void {
  setNpState(false);
}

export { isNp };

/** MXNet `npx.relu(data)`. @example mx.npx.relu(x) */
export const relu = (data: NDArray): NpArray => np(() => nd.relu(data));
/** MXNet `npx.sigmoid(data)`. @example mx.npx.sigmoid(x) */
export const sigmoid = (data: NDArray): NpArray => np(() => nd.sigmoid(data));
/** MXNet `npx.activation(data, act_type)`. @example mx.npx.activation(x, { actType: 'tanh' }) */
export const activation = (data: NDArray, options: { actType: nd.ActType }): NpArray =>
  np(() => nd.Activation(data, options));
/** MXNet `npx.softmax(data, axis=-1)`. @example mx.npx.softmax(x) */
export const softmax = (data: NDArray, options?: nd.SoftmaxOptions): NpArray =>
  np(() => nd.softmax(data, options));
/** MXNet `npx.log_softmax(data, axis=-1)`. @example mx.npx.logSoftmax(x) */
export const logSoftmax = (data: NDArray, options?: nd.SoftmaxOptions): NpArray =>
  np(() => nd.logSoftmax(data, options));
/** MXNet `npx.pick(data, index, axis=-1)`. @example mx.npx.pick(yHat, y) */
export const pick = (data: NDArray, index: NDArray, options?: nd.PickOptions): NpArray =>
  np(() => nd.pick(data, index, options));
/** MXNet `npx.one_hot(data, depth)`. @example mx.npx.oneHot(y, 10) */
export const oneHot = (
  data: NDArray,
  depth: number,
  options?: Omit<nd.OneHotOptions, 'depth'>,
): NpArray => np(() => nd.oneHot(data, { ...options, depth }));
/**
 * MXNet `npx.reshape(a, newshape, reverse=False)`: reshape with MXNet's codes (0 copies a
 * dimension, -1 infers, -2 copies the rest, -3 merges two, -4 splits one).
 * @example mx.npx.reshape(x, [-2, -1]);
 */
export const reshape = (
  a: NDArray,
  newshape: readonly number[],
  options: { reverse?: boolean } = {},
): NpArray => np(() => nd.reshape(a, { shape: newshape, reverse: options.reverse }));
/** MXNet `npx.batch_dot(a, b, transpose_a=False, transpose_b=False)`. @example mx.npx.batchDot(a, b) */
export const batchDot = (a: NDArray, b: NDArray, options?: nd.DotOptions): NpArray =>
  np(() => nd.batchDot(a, b, options));
/** MXNet `npx.batch_flatten(x)`: (N, ...) to (N, rest). @example mx.npx.batchFlatten(x) */
export const batchFlatten = (x: NDArray): NpArray => np(() => nd.flatten(x));
/**
 * MXNet `npx.topk(data, axis=-1, k=1, ret_typ='indices', is_ascend=False)`; with
 * `retTyp: 'both'`, `[values, indices]`.
 * @example mx.npx.topk(x, { k: 2, retTyp: 'value' })
 */
export function topk(data: NDArray, options: nd.TopkOptions & { retTyp: 'both' }): NpArray[];
export function topk(data: NDArray, options?: nd.TopkOptions): NpArray;
export function topk(data: NDArray, options: nd.TopkOptions = {}): NpArray | NpArray[] {
  if (options.retTyp === 'both')
    return nd.topk(data, { ...options, retTyp: 'both' }).map(asNpInPlace);
  return np(() => nd.topk(data, options));
}
/** MXNet `npx.dropout(data, p=0.5)`: active under `record()` in training mode. @example mx.npx.dropout(x, { p: 0.2 }) */
export const dropout = (data: NDArray, options?: nd.DropoutOptions): NpArray =>
  np(() => nd.Dropout(data, options));
/** MXNet `npx.fully_connected(x, weight, bias, num_hidden, no_bias, flatten)`. @example mx.npx.fullyConnected(x, w, b, { numHidden: 10 }) */
export const fullyConnected = (
  x: NDArray,
  weight: NDArray,
  bias: NDArray | null,
  options: nd.FullyConnectedOptions,
): NpArray => np(() => nd.FullyConnected(x, weight, bias, options));
/** MXNet `npx.convolution(data, weight, bias, kernel, ...)`. @example mx.npx.convolution(x, w, b, { kernel: [3, 3], numFilter: 8 }) */
export const convolution = (
  data: NDArray,
  weight: NDArray,
  bias: NDArray | null,
  options: nd.ConvolutionOptions,
): NpArray => np(() => nd.Convolution(data, weight, bias, options));
/** MXNet `npx.pooling(data, kernel, pool_type, ...)`. @example mx.npx.pooling(x, { kernel: [2, 2], stride: [2, 2] }) */
export const pooling = (data: NDArray, options?: nd.PoolingOptions): NpArray =>
  np(() => nd.Pooling(data, options));
/** MXNet `npx.batch_norm(x, gamma, beta, running_mean, running_var, ...)`. @example mx.npx.batchNorm(x, g, b, m, v) */
export const batchNorm = (
  x: NDArray,
  gamma: NDArray,
  beta: NDArray,
  runningMean: NDArray,
  runningVar: NDArray,
  options?: nd.BatchNormOptions,
): NpArray =>
  np(() =>
    nd.BatchNorm(x, gamma, beta, runningMean, runningVar, { ...options, outputMeanVar: false }),
  );
/** MXNet `npx.embedding(data, weight, input_dim, output_dim)`. @example mx.npx.embedding(idx, w, { inputDim: 10, outputDim: 4 }) */
export const embedding = (data: NDArray, weight: NDArray, options: nd.EmbeddingOptions): NpArray =>
  np(() => nd.Embedding(data, weight, options));

/**
 * MXNet `npx.sequence_mask(data, sequence_length, use_sequence_length, value, axis=0)`:
 * positions at or past each sequence's length (along `axis`, 0 or 1; the batch is the other
 * one) are set to `value`. Composed of broadcasting ops, so it differentiates.
 *
 * @example
 * mx.npx.sequenceMask(x, mx.np.array([1, 3]), { useSequenceLength: true });
 */
export function sequenceMask(
  data: NDArray,
  sequenceLength: NDArray | null = null,
  options: { useSequenceLength?: boolean; value?: number; axis?: number } = {},
): NpArray {
  if (!(options.useSequenceLength ?? false) || sequenceLength === null)
    return np(() => nd.copy(data));
  const axis = normalizeAxis('sequenceMask', options.axis ?? 0, data.ndim);
  if (axis > 1 || data.ndim < 2)
    throw new InvalidArgumentError(
      'sequenceMask',
      'axis must be 0 or 1 of an array of at least 2 dimensions',
    );
  const batchAxis = 1 - axis;
  return np(() => {
    const steps = data.shape[axis];
    const t = ndArange(0, steps, { ctx: data.context, dtype: data.dtype });
    const lift = (x: NDArray, at: number) =>
      nd.reshape(x, { shape: data.shape.map((d, i) => (i === at ? d : 1)) });
    const keep = nd.lesser(
      lift(t, axis),
      lift(nd.cast(sequenceLength, { dtype: data.dtype }), batchAxis),
    );
    const keepFull = nd.broadcastTo(keep, { shape: [...data.shape] });
    const filler = full(data.shape, options.value ?? 0, { dtype: data.dtype, ctx: data.context });
    return nd.where(keepFull, data, filler);
  });
}

/** MXNet `npx.cpu(device_id=0)`. @example mx.npx.cpu() */
export function cpu(deviceId = 0): Context {
  return ctxCpu(deviceId);
}

/** MXNet `npx.gpu(device_id=0)`. @example mx.npx.gpu(0) */
export function gpu(deviceId = 0): Context {
  return ctxGpu(deviceId);
}

/** MXNet `npx.num_gpus()`: 1 when a GPU backend (WebGPU) is registered, else 0. @example mx.npx.numGpus() */
export function numGpus(): number {
  return registeredBackends().has('gpu') ? 1 : 0;
}
