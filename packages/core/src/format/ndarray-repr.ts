import { type ArrayData, arrayStr } from './array-str.js';
import type { PrintDtype } from './print-dtype.js';

/**
 * What MXNet's `NDArray.__repr__` reads from `self` (`asnumpy()`, `shape`, `dtype`, `context`,
 * `type(self).__name__`), as plain data.
 *
 * @example
 * const x: NDArrayReprInput = { data: [4, 8, 12], shape: [3], dtype: 'float32', context: 'cpu(0)' };
 */
export interface NDArrayReprInput {
  /** The values in row-major order, as `asnumpy()` would return them. */
  readonly data: ArrayData;
  readonly shape: readonly number[];
  readonly dtype: PrintDtype;
  /** `str(ctx)`: `'%s(%d)' % (device_type, device_id)`, e.g. `'cpu(0)'`, `'gpu(1)'`. */
  readonly context: string;
  /** `type(self).__name__`; `'NDArray'` for a dense array. */
  readonly className?: string;
}

/**
 * MXNet 1.9.1's `NDArray.__repr__` (`python/mxnet/ndarray/ndarray.py`), which `str()` and
 * `print()` also use: `'\n' + str(self.asnumpy()) + '\n<NDArray 2x3 @cpu(0)>'`. A 0-d array
 * has an empty shape text, hence two spaces: `<NDArray  @cpu(0)>`.
 *
 * @example
 * ndarrayRepr({ data: [1, 1, 1, 1, 1, 1], shape: [2, 3], dtype: 'float32', context: 'cpu(0)' });
 * // '\n[[1. 1. 1.]\n [1. 1. 1.]]\n<NDArray 2x3 @cpu(0)>'
 */
export function ndarrayRepr(input: NDArrayReprInput): string {
  const className = input.className ?? 'NDArray';
  const body = arrayStr(input.data, input.shape, input.dtype);
  return `\n${body}\n<${className} ${input.shape.join('x')} @${input.context}>`;
}

/**
 * Python's `list.__repr__`: `'[' + ', '.join(repr(e) for e in items) + ']'`, given the items'
 * reprs. For NDArrays each repr starts with a newline, so `print([a, b])` shows `", "` at the
 * end of a line.
 *
 * @example
 * listRepr([ndarrayRepr({ data: [3.7182817], shape: [1], dtype: 'float32', context: 'cpu(0)' })]);
 * // '[\n[3.7182817]\n<NDArray 1 @cpu(0)>]'
 * listRepr(['0.2', '1.08']); // '[0.2, 1.08]'
 */
export function listRepr(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}
