// `mx.nd`'s composite ops as MXNet records them: each runs the MXTS op inside a symbol
// boundary, so `autograd.getSymbol` writes one node with MXNet's operator name and the
// user's keyword arguments (MXNet's imperative recording keeps only those). `nd.ts` exports
// these names explicitly, which takes precedence over its `export *` of the ops.
import { type NDArray, NDArray as NDArrayClass } from '../ndarray/ndarray.js';
import * as ops from '../ops/index.js';
import { symbolBoundary } from './boundary.js';

/**
 * MXNet `nd.Dropout(data, p=0.5, mode='training', axes=())`: while training, zeroes each
 * element with probability p and scales the rest by 1/(1-p), from MXNet's random stream;
 * while recording, one `Dropout` node (2 outputs: output and mask).
 * @example mx.autograd.trainMode(() => mx.nd.Dropout(x, { p: 0.5 }));
 */
export function Dropout(x: NDArray, options?: ops.DropoutOptions): NDArray {
  return symbolBoundary('Dropout', [x], options, () => ops.Dropout(x, options), 2);
}

/**
 * MXNet `nd.FullyConnected(data, weight, bias, num_hidden, no_bias=False, flatten=True)`:
 * `dot(data, weightᵀ) + bias`; while recording, one `FullyConnected` node.
 * @example mx.nd.FullyConnected(x, w, b, { numHidden: 1 });
 */
export function FullyConnected(
  data: NDArray,
  weight: NDArray,
  bias: NDArray | null,
  options: ops.FullyConnectedOptions,
): NDArray {
  return symbolBoundary('FullyConnected', [data, weight, bias], options, () =>
    ops.FullyConnected(data, weight, bias, options),
  );
}

/**
 * MXNet `nd.Activation(data, act_type)`: relu, sigmoid, tanh, softrelu or softsign; while
 * recording, one `Activation` node.
 * @example mx.nd.Activation(mx.nd.array([-1, 2]), { actType: 'relu' }); // [0, 2]
 */
export function Activation(x: NDArray, options: { actType: ops.ActType }): NDArray {
  return symbolBoundary('Activation', [x], options, () => ops.Activation(x, options));
}

/**
 * MXNet `nd.softmax(data, axis=-1, temperature=None)`; while recording, one `softmax` node.
 * @example mx.nd.softmax(mx.nd.array([1, 1])); // [0.5, 0.5]
 */
export function softmax(x: NDArray, options?: ops.SoftmaxOptions): NDArray {
  return symbolBoundary('softmax', [x], options, () => ops.softmax(x, options));
}

/**
 * MXNet `nd.log_softmax(data, axis=-1, temperature=None)`; while recording, one
 * `log_softmax` node.
 * @example mx.nd.logSoftmax(mx.nd.array([0, 0])); // [-0.693, -0.693]
 */
export function logSoftmax(x: NDArray, options?: ops.SoftmaxOptions): NDArray {
  return symbolBoundary('log_softmax', [x], options, () => ops.logSoftmax(x, options));
}

/**
 * MXNet `nd.split(data, num_outputs, axis=1, squeeze_axis=False)`; while recording, one
 * `SliceChannel` node with `num_outputs` outputs.
 * @example mx.nd.split(mx.nd.ones([2, 4]), { numOutputs: 2 }).length; // 2
 */
export function split(x: NDArray, options: ops.SplitOptions): NDArray[] {
  return symbolBoundary(
    'SliceChannel',
    [x],
    options,
    () => ops.split(x, options),
    options?.numOutputs,
  );
}

/**
 * MXNet `nd.sum(data, axis=None, keepdims=False)`; while recording, one `sum` node with
 * `axis` as the user gave it.
 * @example mx.nd.sum(mx.nd.ones([2, 3]), { axis: 1 }); // [3, 3]
 */
export function sum(x: NDArray, options?: ops.ReduceOptions): NDArray {
  return symbolBoundary('sum', [x], options, () => ops.sum(x, options));
}

/**
 * MXNet `nd.batch_dot(lhs, rhs, transpose_a=False, transpose_b=False)`; while recording,
 * one `batch_dot` node with `transpose_a`/`transpose_b`.
 * @example mx.nd.batchDot(mx.nd.ones([2, 1, 3]), mx.nd.ones([2, 3, 1])).shape; // [2, 1, 1]
 */
export function batchDot(a: NDArray, b: NDArray, options?: ops.DotOptions): NDArray {
  return symbolBoundary('batch_dot', [a, b], options, () => ops.batchDot(a, b, options));
}

/**
 * MXNet `nd.Convolution(data, weight, bias, kernel, num_filter, stride, dilate, pad,
 * num_group, no_bias)`; while recording, one `Convolution` node.
 * @example mx.nd.Convolution(x, w, null, { kernel: [3, 3], numFilter: 2, noBias: true });
 */
export function Convolution(
  data: NDArray,
  weight: NDArray,
  bias: NDArray | null,
  options: ops.ConvolutionOptions,
): NDArray {
  return symbolBoundary('Convolution', [data, weight, bias], options, () =>
    ops.Convolution(data, weight, bias, options),
  );
}

/**
 * MXNet `nd.Pooling(data, kernel, pool_type='max', stride, pad, global_pool, ...)`; while
 * recording, one `Pooling` node.
 * @example mx.nd.Pooling(x, { kernel: [2, 2], stride: [2, 2] });
 */
export function Pooling(data: NDArray, options?: ops.PoolingOptions): NDArray {
  return symbolBoundary('Pooling', [data], options, () => ops.Pooling(data, options));
}

/**
 * MXNet `nd.BatchNorm(data, gamma, beta, moving_mean, moving_var, eps=0.001, momentum=0.9,
 * fix_gamma=True, use_global_stats=False, output_mean_var=False, axis=1)`; while
 * recording, one `BatchNorm` node (3 outputs: output, mean, var).
 * @example mx.nd.BatchNorm(x, gamma, beta, mean, variance);
 */
export function BatchNorm(
  data: NDArray,
  gamma: NDArray,
  beta: NDArray,
  movingMean: NDArray,
  movingVar: NDArray,
  options: ops.BatchNormOptions & { outputMeanVar: true },
): NDArray[];
export function BatchNorm(
  data: NDArray,
  gamma: NDArray,
  beta: NDArray,
  movingMean: NDArray,
  movingVar: NDArray,
  options?: ops.BatchNormOptions,
): NDArray;
export function BatchNorm(
  data: NDArray,
  gamma: NDArray,
  beta: NDArray,
  movingMean: NDArray,
  movingVar: NDArray,
  options?: ops.BatchNormOptions,
): NDArray | NDArray[] {
  return symbolBoundary(
    'BatchNorm',
    [data, gamma, beta, movingMean, movingVar],
    options,
    () => ops.BatchNorm(data, gamma, beta, movingMean, movingVar, options) as NDArray | NDArray[],
    3,
  );
}

/**
 * MXNet `nd.LayerNorm(data, gamma, beta, axis=-1, eps=1e-5, output_mean_var=False)`; while
 * recording, one `LayerNorm` node (3 outputs: output, mean, std).
 * @example mx.nd.LayerNorm(x, gamma, beta);
 */
export function LayerNorm(
  data: NDArray,
  gamma: NDArray,
  beta: NDArray,
  options?: ops.LayerNormOptions,
): NDArray {
  return symbolBoundary(
    'LayerNorm',
    [data, gamma, beta],
    options,
    () => ops.LayerNorm(data, gamma, beta, options),
    3,
  );
}

/**
 * MXNet `nd.Embedding(data, weight, input_dim, output_dim)`: rows of `weight` by index;
 * while recording, one `Embedding` node.
 * @example mx.nd.Embedding(mx.nd.array([0, 2]), w, { inputDim: 3, outputDim: 2 });
 */
export function Embedding(data: NDArray, weight: NDArray, options: ops.EmbeddingOptions): NDArray {
  return symbolBoundary('Embedding', [data, weight], options, () =>
    ops.Embedding(data, weight, options),
  );
}

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
