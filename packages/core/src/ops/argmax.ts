import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/** Options of `argmax` and `argmin`. */
export interface ArgReduceOptions {
  /** The axis searched; the flattened array when omitted (MXNet's axis=None). */
  axis?: number;
  /** Keep the searched axis with length 1; default false. */
  keepdims?: boolean;
}

/** argmax or argmin as MXNet: float32 positions, the first one on ties. */
export function argReduce(
  op: 'argmax' | 'argmin',
  data: NDArray,
  options: ArgReduceOptions,
): NDArray {
  const keepdims = options.keepdims ?? false;
  const flat = options.axis === undefined || options.axis === null;
  const axis = flat ? 0 : normalizeAxis(op, options.axis!, data.ndim);
  const shape = flat
    ? keepdims
      ? data.shape.map(() => 1)
      : [1]
    : keepdims
      ? data.shape.map((d, i) => (i === axis ? 1 : d))
      : data.shape.filter((_, i) => i !== axis);
  return disposeCreated(() => {
    const src = flat ? applyOp('reshape', [data], { shape: [data.size] }) : data;
    const idx = applyOp(op, [src], { axis });
    const pos = applyOp('cast', [idx], { dtype: 'float32' });
    return applyOp('reshape', [pos], { shape: shape.length > 0 ? shape : [1] });
  });
}

/**
 * MXNet `nd.argmax(data, axis=None, keepdims=False)`: positions of the largest elements
 * along an axis (of the flattened array without one), as float32; the first on ties.
 *
 * @example
 * mx.nd.argmax(mx.nd.array([[1, 5], [7, 2]]), { axis: 1 }); // [1. 0.]
 */
export function argmax(data: NDArray, options: ArgReduceOptions = {}): NDArray {
  checkNDArray('argmax', 'data', data);
  checkOptions('argmax', options);
  return argReduce('argmax', data, options);
}
