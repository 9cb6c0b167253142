import { DTypeError } from '../errors/dtype-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis, sameShape } from '../ndarray/shape.js';
import { checkNDArrayList, checkOptions } from '../validate/check-args.js';
import { concat } from './concat.js';
import { expandDims } from './expand-dims.js';

/**
 * MXNet `nd.stack(*data, axis=0)`: joins arrays of one shape along a new axis.
 *
 * @example
 * mx.nd.stack([mx.nd.ones([3]), mx.nd.zeros([3])]).shape; // [2, 3]
 */
export function stack(arrays: readonly NDArray[], options: { axis?: number } = {}): NDArray {
  checkNDArrayList('stack', 'arrays', arrays, 1);
  checkOptions('stack', options);
  const axis = normalizeAxis('stack', options.axis ?? 0, arrays[0].ndim + 1);
  // Checked here, so the message names stack and not the concat it is built on.
  for (const a of arrays) {
    if (a.dtype !== arrays[0].dtype) {
      throw new DTypeError(
        'stack',
        `arrays have dtypes ${arrays.map((x) => x.dtype).join(', ')}; cast them to one with astype()`,
      );
    }
    if (!sameShape(a.shape, arrays[0].shape)) {
      throw new ShapeError(
        'stack',
        arrays.map((x) => x.shape),
        'all arrays must have the same shape',
      );
    }
  }
  return disposeCreated(() => {
    return concat(
      arrays.map((a) => expandDims(a, { axis })),
      { dim: axis },
    );
  });
}
