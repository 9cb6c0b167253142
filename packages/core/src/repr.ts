import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { listRepr, ndarrayRepr } from './format/ndarray-repr.js';
import { scalarRepr } from './format/scalar-repr.js';
import { NDArray } from './ndarray/ndarray.js';
import { NumpyArray } from './ndarray/numpy-array.js';

/**
 * What Python's `print(value)` shows for an NDArray, a NumpyArray (from `asnumpy()`), a
 * number (as np.float32) or a list of those. Async, so it works on every backend.
 *
 * @example
 * console.log(await mx.repr(dx)); // [\n[3.7182817 3.7182817]\n<NDArray 2 @cpu(0)>]
 */
export async function repr(
  value: NDArray | NumpyArray | number | readonly unknown[],
): Promise<string> {
  if (value instanceof NDArray) {
    return ndarrayRepr({
      data: await value.data(),
      shape: value.shape,
      dtype: value.dtype,
      context: value.context.toString(),
    });
  }
  if (value instanceof NumpyArray) return value.toString();
  if (typeof value === 'number') return scalarRepr(value, 'float32');
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const v of value) items.push(await repr(v as NDArray));
    return listRepr(items);
  }
  throw new InvalidArgumentError(
    'repr',
    `cannot print a ${typeof value}; pass an NDArray, a NumpyArray, a number or a list of them`,
  );
}
