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
