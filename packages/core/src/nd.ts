// The `mx.nd` namespace: creation functions and every op, with MXNet's names in camelCase.

export {
  type ArangeOptions,
  arange,
  array,
  type CreationOptions,
  empty,
  full,
  type NestedArray,
  ones,
  onesLike,
  zeros,
  zerosLike,
} from './ndarray/creation.js';
export { NDArray } from './ndarray/ndarray.js';
export * from './ops/index.js';
/** MXNet's `mx.nd.random`: `uniform`, `normal`, `randint`, `shuffle`, ... on MXNet's stream. */
export * as random from './ops/random/index.js';
export { load } from './serialization/load.js';
export {
  type LoadOptions,
  type LoadResult,
  loadFromBytes,
} from './serialization/load-from-bytes.js';
export { save } from './serialization/save.js';
export { type SaveData, type SaveOptions, saveToBytes } from './serialization/save-to-bytes.js';
// These take precedence over the star export: the same ops, recorded as one MXNet operator.
export {
  Activation,
  BatchNorm,
  batchDot,
  Convolution,
  Dropout,
  dot,
  Embedding,
  FullyConnected,
  LayerNorm,
  LeakyReLU,
  logSoftmax,
  norm,
  Pooling,
  pick,
  repeat,
  softmax,
  sort,
  split,
  stack,
  sum,
  topk,
} from './symbol/recorded-ops.js';
