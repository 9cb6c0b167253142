import type { Context } from '../../backend/context.js';
import { currentContext } from '../../backend/registry.js';
import { DTypeError } from '../../errors/dtype-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { fromHost } from '../../ndarray/creation.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import { checkShape, type Shape, sizeOf } from '../../ndarray/shape.js';
import { checkOptions, checkSize } from '../../validate/check-args.js';

/** Where and as what a sample is created (MXNet's `shape`, `dtype`, `ctx`). */
export interface SampleArrayOptions {
  /** Default [1], as MXNet. */
  shape?: Shape | number;
  /** 'float32' (default) or 'float64'. */
  dtype?: 'float32' | 'float64';
  ctx?: Context;
}

/** Draws `n` values with `draw` on the host (MXNet's exact stream) and uploads them. */
export function sampleArray(
  op: string,
  options: SampleArrayOptions,
  draw: (n: number, dtype: 'float32' | 'float64') => Float32Array | Float64Array,
): NDArray {
  checkOptions(op, options);
  const shape = checkShape(op, options.shape ?? [1]);
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new DTypeError(op, `samples are float32 or float64, not ${String(dtype)}`);
  }
  checkSize(op, shape, dtype);
  let values: Float32Array | Float64Array;
  try {
    values = draw(sizeOf(shape), dtype);
  } catch (e) {
    // The host sampler raises MXNet's parameter messages as plain errors (high < low,
    // scale <= 0, values dmlc cannot parse); users get them as MXTS errors naming the op.
    if (e instanceof RangeError || e instanceof SyntaxError)
      throw new InvalidArgumentError(op, e.message);
    throw e;
  }
  return fromHost(values, shape, options.ctx ?? currentContext());
}
