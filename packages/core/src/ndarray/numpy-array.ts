import { arrayRepr, arrayStr } from '../format/array-str.js';
import type { DType, HostArray } from './dtype.js';

/**
 * What `x.asnumpy()` returns: host values with a shape, printing like a numpy array.
 * `String(a)` is numpy's `str` (what `print(a)` shows); `a.repr()` is numpy's `repr`
 * (what the interactive prompt echoes, `array([...], dtype=float32)`).
 *
 * @example
 * const a = await x.asnumpy();
 * console.log(String(a)); // [1. 2.]
 * a.repr();               // 'array([1., 2.], dtype=float32)'
 */
export class NumpyArray {
  constructor(
    readonly data: HostArray,
    readonly shape: readonly number[],
    readonly dtype: DType,
  ) {}

  /** numpy `str(a)`. */
  toString(): string {
    return arrayStr(this.data, this.shape, this.dtype);
  }

  /** numpy `repr(a)`. */
  repr(): string {
    return arrayRepr(this.data, this.shape, this.dtype);
  }

  /** Values as a (nested) plain list, as numpy's `a.tolist()`. */
  tolist(): unknown {
    const build = (offset: number, dim: number): unknown => {
      if (dim === this.shape.length) return this.data[offset];
      const stride = this.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
      return Array.from({ length: this.shape[dim] }, (_, i) => build(offset + i * stride, dim + 1));
    };
    return build(0, 0);
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.repr();
  }
}
