// `mx.nd`'s composite ops as MXNet records them: each runs the MXTS op inside a symbol
// boundary, so `autograd.getSymbol` writes one node with MXNet's operator name and the
// user's keyword arguments (MXNet's imperative recording keeps only those). `nd.ts` exports
// these names explicitly, which takes precedence over its `export *` of the ops.
import { type NDArray, NDArray as NDArrayClass } from '../ndarray/ndarray.js';
import * as ops from '../ops/index.js';
import { symbolBoundary } from './boundary.js';

/** MXNet `nd.Dropout` (records `Dropout`, 2 outputs: output and mask). See ops/dropout. @example mx.nd.Dropout(x, { p: 0.5 }) */
export const Dropout: typeof ops.Dropout = (x, options) =>
  symbolBoundary('Dropout', [x], options, () => ops.Dropout(x, options), 2);

/** MXNet `nd.FullyConnected` (records `FullyConnected`). @example mx.nd.FullyConnected(x, w, b, { numHidden: 1 }) */
export const FullyConnected: typeof ops.FullyConnected = (data, weight, bias, options) =>
  symbolBoundary('FullyConnected', [data, weight, bias], options, () =>
    ops.FullyConnected(data, weight, bias, options),
  );

/** MXNet `nd.Activation` (records `Activation`). @example mx.nd.Activation(x, { actType: 'relu' }) */
export const Activation: typeof ops.Activation = (x, options) =>
  symbolBoundary('Activation', [x], options, () => ops.Activation(x, options));

/** MXNet `nd.softmax` (records `softmax`). @example mx.nd.softmax(x, { axis: 1 }) */
export const softmax: typeof ops.softmax = (x, options) =>
  symbolBoundary('softmax', [x], options, () => ops.softmax(x, options));

/** MXNet `nd.log_softmax` (records `log_softmax`). @example mx.nd.logSoftmax(x) */
export const logSoftmax: typeof ops.logSoftmax = (x, options) =>
  symbolBoundary('log_softmax', [x], options, () => ops.logSoftmax(x, options));

/** MXNet `nd.split` (records `SliceChannel` with `num_outputs` outputs). @example mx.nd.split(x, { numOutputs: 2 }) */
export const split: typeof ops.split = (x, options) =>
  symbolBoundary('SliceChannel', [x], options, () => ops.split(x, options), options?.numOutputs);

/** MXNet `nd.sum` (records `sum` with `axis` as the user gave it). @example mx.nd.sum(x, { axis: 1 }) */
export const sum: typeof ops.sum = (x, options) =>
  symbolBoundary('sum', [x], options, () => ops.sum(x, options));

/** MXNet `nd.batch_dot` (records `batch_dot` with `transpose_a`/`transpose_b`). @example mx.nd.batchDot(a, b) */
export const batchDot: typeof ops.batchDot = (a, b, options) =>
  symbolBoundary('batch_dot', [a, b], options, () => ops.batchDot(a, b, options));

/** MXNet `nd.Convolution` (records `Convolution`). @example mx.nd.Convolution(x, w, null, { kernel: [3, 3], numFilter: 2, noBias: true }) */
export const Convolution: typeof ops.Convolution = (data, weight, bias, options) =>
  symbolBoundary('Convolution', [data, weight, bias], options, () =>
    ops.Convolution(data, weight, bias, options),
  );

/** MXNet `nd.Pooling` (records `Pooling`). @example mx.nd.Pooling(x, { kernel: [2, 2] }) */
export const Pooling: typeof ops.Pooling = (data, options) =>
  symbolBoundary('Pooling', [data], options, () => ops.Pooling(data, options));

/** MXNet `nd.BatchNorm` (records `BatchNorm`, 3 outputs). @example mx.nd.BatchNorm(x, gamma, beta, mean, variance) */
export const BatchNorm = ((
  data: NDArray,
  gamma: NDArray,
  beta: NDArray,
  movingMean: NDArray,
  movingVar: NDArray,
  options?: ops.BatchNormOptions,
) =>
  symbolBoundary(
    'BatchNorm',
    [data, gamma, beta, movingMean, movingVar],
    options,
    () => ops.BatchNorm(data, gamma, beta, movingMean, movingVar, options) as NDArray | NDArray[],
    3,
  )) as typeof ops.BatchNorm;

/** MXNet `nd.LayerNorm` (records `LayerNorm`, 3 outputs: output, mean, std). @example mx.nd.LayerNorm(x, gamma, beta) */
export const LayerNorm: typeof ops.LayerNorm = (data, gamma, beta, options) =>
  symbolBoundary(
    'LayerNorm',
    [data, gamma, beta],
    options,
    () => ops.LayerNorm(data, gamma, beta, options),
    3,
  );

/** MXNet `nd.Embedding` (records `Embedding`). @example mx.nd.Embedding(idx, w, { inputDim: 3, outputDim: 2 }) */
export const Embedding: typeof ops.Embedding = (data, weight, options) =>
  symbolBoundary('Embedding', [data, weight], options, () => ops.Embedding(data, weight, options));

/**
 * MXNet `nd.dot(lhs, rhs, transpose_a=False, transpose_b=False)`: the matrix (or tensor)
 * product; while recording, one `dot` node.
 * @example mx.nd.dot(mx.nd.ones([2, 3]), mx.nd.ones([3, 4])).shape; // [2, 4]
 */
export function dot(a: NDArray, b: NDArray, options?: ops.DotOptions): NDArray {
  return symbolBoundary('dot', [a, b], options, () => ops.dot(a, b, options));
}

/**
 * MXNet `nd.norm(data, ord=2, axis=None, keepdims=False)`: the L1 or L2 norm; while
 * recording, one `norm` node.
 * @example mx.nd.norm(mx.nd.array([3, 4])); // [5]
 */
export function norm(x: NDArray, options?: ops.NormOptions): NDArray {
  return symbolBoundary('norm', [x], options, () => ops.norm(x, options));
}

/**
 * MXNet `nd.pick(data, index, axis=-1, mode='clip', keepdims=False)`: one element per row
 * along `axis`; while recording, one `pick` node.
 * @example mx.nd.pick(mx.nd.array([[1, 2], [3, 4]]), mx.nd.array([1, 0])); // [2, 3]
 */
export function pick(data: NDArray, index: NDArray, options?: ops.PickOptions): NDArray {
  return symbolBoundary('pick', [data, index], options, () => ops.pick(data, index, options));
}

/**
 * MXNet `nd.stack(*data, axis=0)`: joins arrays along a new axis; while recording, one
 * `stack` node with `num_args` (MXNet's wrapper adds it).
 * @example mx.nd.stack([mx.nd.ones([2]), mx.nd.zeros([2])]).shape; // [2, 2]
 */
export function stack(arrays: readonly NDArray[], options?: { axis?: number }): NDArray {
  return symbolBoundary('stack', arrays, { ...options, numArgs: arrays?.length }, () =>
    ops.stack(arrays, options),
  );
}

/**
 * MXNet `nd.repeat(data, repeats, axis=None)`: repeats elements; while recording, one
 * `repeat` node.
 * @example mx.nd.repeat(mx.nd.array([1, 2]), { repeats: 2 }); // [1, 1, 2, 2]
 */
export function repeat(x: NDArray, options: ops.RepeatOptions): NDArray {
  return symbolBoundary('repeat', [x], options, () => ops.repeat(x, options));
}

/**
 * MXNet `nd.sort(data, axis=-1, is_ascend=True)`: sorted values; while recording, one
 * `sort` node (2 outputs, values and indices, one visible).
 * @example mx.nd.sort(mx.nd.array([3, 1, 2])); // [1, 2, 3]
 */
export function sort(data: NDArray, options?: ops.SortOptions): NDArray {
  return symbolBoundary('sort', [data], options, () => ops.sort(data, options), 2);
}

/**
 * MXNet `nd.topk(data, axis=-1, k=1, ret_typ='indices', is_ascend=False)`: the k largest
 * (or smallest) along an axis; while recording, one `topk` node (1 output for 'indices' and
 * 'mask', else 2).
 * @example mx.nd.topk(mx.nd.array([3, 1, 2]), { k: 2, retTyp: 'value' }); // [3, 2]
 */
export function topk(data: NDArray, options: ops.TopkOptions & { retTyp: 'both' }): NDArray[];
export function topk(data: NDArray, options?: ops.TopkOptions): NDArray;
export function topk(data: NDArray, options?: ops.TopkOptions): NDArray | NDArray[] {
  const ret = options?.retTyp ?? 'indices';
  return symbolBoundary(
    'topk',
    [data],
    options,
    () => ops.topk(data, options) as NDArray | NDArray[],
    ret === 'indices' || ret === 'mask' ? 1 : 2,
  );
}

/**
 * MXNet `nd.LeakyReLU(data, gamma=None, act_type='leaky', slope=0.25, ...)`: leaky, prelu,
 * elu, selu or gelu; while recording, one `LeakyReLU` node (gamma an input for 'prelu').
 * @example mx.nd.LeakyReLU(mx.nd.array([-1, 2]), { slope: 0.1 }); // [-0.1, 2]
 */
export function LeakyReLU(
  data: NDArray,
  gamma: NDArray | null | ops.LeakyReLUOptions = null,
  options: ops.LeakyReLUOptions = {},
): NDArray {
  const opts = gamma !== null && !(gamma instanceof NDArrayClass) ? gamma : options;
  const g = gamma instanceof NDArrayClass ? gamma : null;
  return symbolBoundary('LeakyReLU', [data, g], opts, () => ops.LeakyReLU(data, gamma, options));
}
