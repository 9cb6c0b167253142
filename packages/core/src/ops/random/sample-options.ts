import type { Context } from '../../backend/context.js';
import { currentContext } from '../../backend/registry.js';
import { DTypeError } from '../../errors/dtype-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { fromHostFill } from '../../ndarray/creation.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import { checkShape, type Shape } from '../../ndarray/shape.js';
import { checkOptions, checkSize } from '../../validate/check-args.js';

/** Where and as what a sample is created (MXNet's `shape`, `dtype`, `ctx`). */
export interface SampleArrayOptions {
  /** Default [1], as MXNet. */
  shape?: Shape | number;
  /** 'float32' (default) or 'float64'. */
  dtype?: 'float32' | 'float64';
  ctx?: Context;
}

/**
 * Draws the values with `draw` (MXNet's exact stream, on the host) straight into the new
 * array's memory where the backend allows it (wasm's heap), else into a host array that is
 * then uploaded. `draw` fills whatever array it gets; called first on an empty one, it
 * checks the parameters before anything is allocated or drawn.
 */
export function sampleArray(
  op: string,
  options: SampleArrayOptions,
  draw: (out: Float32Array | Float64Array) => void,
): NDArray {
  checkOptions(op, options);
  const shape = checkShape(op, options.shape ?? [1]);
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new DTypeError(op, `samples are float32 or float64, not ${String(dtype)}`);
  }
  checkSize(op, shape, dtype);
  try {
    // An empty draw consumes nothing from the stream: it only parses the parameters.
    draw(dtype === 'float32' ? new Float32Array(0) : new Float64Array(0));
  } catch (e) {
    // The host sampler raises MXNet's parameter messages as plain errors (high < low,
    // scale <= 0, values dmlc cannot parse); users get them as MXTS errors naming the op.
    if (e instanceof RangeError || e instanceof SyntaxError)
      throw new InvalidArgumentError(op, e.message);
    throw e;
  }
  return fromHostFill(shape, dtype, options.ctx ?? currentContext(), (values) =>
    draw(values as Float32Array | Float64Array),
  );
}
