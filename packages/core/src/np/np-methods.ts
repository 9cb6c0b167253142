// What NpArray's method forms call (installed by wiring.ts, so np-array.ts imports no
// function module at run time and the import graph stays acyclic).
import type { DType } from '../ndarray/dtype.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { asNpInPlace, type NpArray } from './np-array.js';
import { castTo } from './np-dtype.js';

export * from './np-elementwise.js';
export { getItem, setItemValue } from './np-index.js';
export { dot } from './np-linalg.js';
export {
  argmax,
  argmin,
  max,
  mean,
  min,
  prod,
  std,
  sum,
  variance as var,
} from './np-reductions.js';
export { clip, expandDims, reshape, squeeze, transpose } from './np-shape.js';
export { relu, sigmoid } from './npx.js';

/** MXNet `x.astype(dtype)`: always a copy, as NumPy's default. */
export function astype(x: NDArray, dtype: DType): NpArray {
  const y = castTo(x, dtype);
  return asNpInPlace(y === x ? x.copy() : y);
}
