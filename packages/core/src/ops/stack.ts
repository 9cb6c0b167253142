import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { concat } from './concat.js';
import { expandDims } from './expand-dims.js';

/**
 * MXNet `nd.stack(*data, axis=0)`: joins arrays of one shape along a new axis.
 *
 * @example
 * mx.nd.stack([mx.nd.ones([3]), mx.nd.zeros([3])]).shape; // [2, 3]
 */
export function stack(arrays: readonly NDArray[], options: { axis?: number } = {}): NDArray {
  return disposeCreated(() => {
    if (arrays.length === 0) throw new InvalidArgumentError('stack', 'needs at least one array');
    const axis = normalizeAxis('stack', options.axis ?? 0, arrays[0].ndim + 1);
    return concat(
      arrays.map((a) => expandDims(a, { axis })),
      { dim: axis },
    );
  });
}
