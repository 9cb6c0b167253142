import type { DType } from '../ndarray/dtype.js';
import type { NumpyArray } from '../ndarray/numpy-array.js';

/**
 * MXNet 1.9.1's `mx.np.ndarray.__repr__` (python/mxnet/numpy/multiarray.py): numpy's repr of
 * `asnumpy()`, without `dtype=float32` (MXNet's default) and with `dtype=` for any other
 * dtype numpy leaves out (float64), plus `ctx=` for a non-CPU array.
 *
 * @example
 * npRepr(await mx.np.arange(4).asnumpy(), 'float32', 'cpu(0)'); // 'array([0., 1., 2., 3.])'
 */
export function npRepr(a: NumpyArray, dtype: DType, context: string): string {
  let s = a.repr();
  if (s.includes('dtype=')) {
    if (dtype === 'float32') s = `${s.slice(0, s.lastIndexOf(','))})`;
  } else if (dtype !== 'float32') {
    s = `${s.slice(0, -1)}, dtype=${dtype})`;
  }
  if (context.startsWith('cpu')) return s;
  return `${s.slice(0, -1)}, ctx=${context})`;
}

/**
 * MXNet's `mx.np.ndarray.__str__`: numpy's str of `asnumpy()`, with ` @gpu(0)` after it for
 * a non-CPU array that is not 0-d.
 *
 * @example
 * npStr(await mx.np.arange(3).asnumpy(), 1, 'cpu(0)'); // '[0. 1. 2.]'
 */
export function npStr(a: NumpyArray, ndim: number, context: string): string {
  const s = a.toString();
  if (context.startsWith('cpu') || ndim === 0) return s;
  return `${s} @${context}`;
}
