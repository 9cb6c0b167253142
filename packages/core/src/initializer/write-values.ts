import { fromHost } from '../ndarray/creation.js';
import { type HostArray, toHostArray } from '../ndarray/dtype.js';
import type { NDArray } from '../ndarray/ndarray.js';

function matches(values: ArrayLike<number>, arr: NDArray): values is HostArray {
  switch (arr.dtype) {
    case 'float32':
      return values instanceof Float32Array;
    case 'float64':
      return values instanceof Float64Array;
    case 'int32':
      return values instanceof Int32Array;
    default:
      return false;
  }
}

/**
 * `arr[:] = values` for host values laid out in arr's shape (C order), converted to arr's
 * dtype on the host (float32 rounding, int32 truncation) as numpy's assignment does.
 * @internal
 */
export function writeValues(arr: NDArray, values: ArrayLike<number>): void {
  const host = matches(values, arr) ? values : toHostArray(values, arr.dtype);
  const tmp = fromHost(host, arr.shape, arr.context);
  try {
    arr.set(tmp);
  } finally {
    tmp.dispose();
  }
}
