// The `mx.np` namespace: MXNet 1.9.1's NumPy-compatible arrays and functions.
import { installNpMethods } from '../installed.js';
import * as methods from './np-methods.js';

// NpArray's method forms reach the np functions through this table, installed here rather
// than by the wiring so that a bundle without mx.np leaves np out (see installed.ts).
installNpMethods(methods);

/** MXNet's `mx.np.linalg`: `norm` (Frobenius, 2-norms, vector 1-norms). */
export * as linalg from './linalg.js';
export { type NestedList, NpArray as ndarray, NpArray, type NpOperand } from './np-array.js';
export {
  arange,
  array,
  type EyeOptions,
  empty,
  emptyLike,
  eye,
  full,
  fullLike,
  identity,
  type LinspaceOptions,
  linspace,
  logspace,
  type NpCreationOptions,
  type NpNested,
  npCopy as copy,
  ones,
  onesLike,
  zeros,
  zerosLike,
} from './np-creation.js';
export { promoteTypes, resultType } from './np-dtype.js';
export * from './np-elementwise.js';
export type { NpIndex } from './np-index.js';
export { dot, einsum, inner, matmul, outer, tensordot, vdot } from './np-linalg.js';
export {
  argmax,
  argmin,
  average,
  cumsum,
  max,
  max as amax,
  mean,
  min,
  min as amin,
  type NpArgOptions,
  type NpReduceOptions,
  type NpStdOptions,
  prod,
  std,
  sum,
  variance as var,
} from './np-reductions.js';
export {
  arraySplit,
  broadcastTo,
  clip,
  columnStack,
  concatenate,
  diff,
  dstack,
  ediff1d,
  expandDims,
  flip,
  fliplr,
  flipud,
  hsplit,
  hstack,
  moveaxis,
  ravel,
  repeat,
  reshape,
  rot90,
  rowStack,
  shape,
  split,
  squeeze,
  stack,
  swapaxes,
  take,
  tile,
  transpose,
  tril,
  vsplit,
  vstack,
  where,
} from './np-shape.js';
export { argsort, meshgrid, pad, sort, unique, uniqueAsync } from './np-sorting.js';
/** MXNet's `mx.np.random`: `uniform`, `normal`, `randint`, `choice`, `shuffle`, `rand`, `randn` on MXNet's generator. */
export * as random from './random.js';

import type { NDArray } from '../ndarray/ndarray.js';
import { type NpArray, shareAsNp } from './np-array.js';

/** MXNet `nd.as_np_ndarray()`: an np handle on the same memory and graph entry. @example mx.np.fromNd(x) */
export function fromNd(x: NDArray): NpArray {
  return shareAsNp(x);
}
