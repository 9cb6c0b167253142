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

/** MXNet `nd.dot` (records `dot` with `transpose_a`/`transpose_b`). @example mx.nd.dot(a, b, { transposeB: true }) */
export const dot: typeof ops.dot = (a, b, options) =>
  symbolBoundary('dot', [a, b], options, () => ops.dot(a, b, options));

/** MXNet `nd.norm` (records `norm`). @example mx.nd.norm(x, { axis: 1 }) */
export const norm: typeof ops.norm = (x, options) =>
  symbolBoundary('norm', [x], options, () => ops.norm(x, options));

/** MXNet `nd.pick` (records `pick`). @example mx.nd.pick(x, mx.nd.array([0, 2]), { axis: 1 }) */
export const pick: typeof ops.pick = (data, index, options) =>
  symbolBoundary('pick', [data, index], options, () => ops.pick(data, index, options));

/** MXNet `nd.stack(*data, axis=0)` (records `stack` with `num_args`, as MXNet's wrapper adds it). @example mx.nd.stack([a, b], { axis: 1 }) */
export const stack: typeof ops.stack = (arrays, options) =>
  symbolBoundary('stack', arrays, { ...options, numArgs: arrays?.length }, () =>
    ops.stack(arrays, options),
  );

/** MXNet `nd.repeat` (records `repeat`). @example mx.nd.repeat(x, { repeats: 2, axis: 0 }) */
export const repeat: typeof ops.repeat = (x, options) =>
  symbolBoundary('repeat', [x], options, () => ops.repeat(x, options));

/** MXNet `nd.sort` (records `sort`, 2 outputs: values and indices, one visible). @example mx.nd.sort(x, { isAscend: false }) */
export const sort: typeof ops.sort = (data, options) =>
  symbolBoundary('sort', [data], options, () => ops.sort(data, options), 2);

/** MXNet `nd.topk` (records `topk`: 1 output for 'indices'/'mask', else 2). @example mx.nd.topk(x, { k: 2, retTyp: 'value' }) */
export const topk = ((data: NDArray, options?: ops.TopkOptions) =>
  symbolBoundary(
    'topk',
    [data],
    options,
    () => ops.topk(data, options) as NDArray | NDArray[],
    (options?.retTyp ?? 'indices') === 'indices' || options?.retTyp === 'mask' ? 1 : 2,
  )) as typeof ops.topk;

/** MXNet `nd.LeakyReLU` (records `LeakyReLU`; gamma is an input for 'prelu'). @example mx.nd.LeakyReLU(x, { actType: 'leaky', slope: 0.1 }) */
export const LeakyReLU: typeof ops.LeakyReLU = (data, gamma = null, options = {}) => {
  const opts = gamma !== null && !(gamma instanceof NDArrayClass) ? gamma : options;
  const g = gamma instanceof NDArrayClass ? gamma : null;
  return symbolBoundary('LeakyReLU', [data, g], opts, () => ops.LeakyReLU(data, gamma, options));
};
