import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkInt, checkNDArray, checkRequiredOptions, checkSize } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/** Options of `repeat`. */
export interface RepeatOptions {
  repeats: number;
  /** Axis to repeat along; the flattened array when omitted, as MXNet. */
  axis?: number;
}

/**
 * MXNet `nd.repeat(data, repeats, axis=None)`: repeats each element. Composed of reshape
 * and tile.
 *
 * @example
 * mx.nd.repeat(mx.nd.array([1, 2]), { repeats: 2 }); // [1. 1. 2. 2.]
 */
export function repeat(x: NDArray, options: RepeatOptions): NDArray {
  checkNDArray('repeat', 'x', x);
  checkRequiredOptions('repeat', options);
  const r = checkInt('repeat', 'repeats', options.repeats, { min: 0 });
  if (options.axis !== undefined) normalizeAxis('repeat', options.axis, x.ndim);
  checkSize('repeat', [x.size, r], x.dtype);
  return disposeCreated(() => {
    const src = options.axis === undefined ? applyOp('reshape', [x], { shape: [x.size] }) : x;
    const axis = options.axis === undefined ? 0 : normalizeAxis('repeat', options.axis, x.ndim);
    const expanded = [...src.shape];
    expanded.splice(axis + 1, 0, 1);
    const reps = expanded.map((_, i) => (i === axis + 1 ? r : 1));
    const tiled = applyOp('tile', [applyOp('reshape', [src], { shape: expanded })], { reps });
    const out = [...src.shape];
    out[axis] *= r;
    return applyOp('reshape', [tiled], { shape: out });
  });
}
