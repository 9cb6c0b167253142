import type { Context } from '../../backend/context.js';
import { currentContext } from '../../backend/registry.js';
import { DTypeError } from '../../errors/dtype-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ShapeError } from '../../errors/shape-error.js';
import { fromHost } from '../../ndarray/creation.js';
import { NDArray } from '../../ndarray/ndarray.js';
import { checkShape, type Shape, sameShape, sizeOf } from '../../ndarray/shape.js';
import { sampleRandInt } from '../../random/index.js';
import { checkSize } from '../../validate/check-args.js';

const OP = 'random.randint';

/** Options of `nd.random.randint`. */
export interface RandintOptions {
  /** Default [1] (or `out`'s shape), as MXNet. */
  shape?: Shape | number;
  /** 'int32', MXNet's default and the only integer dtype MXTS has (MXNet also allows int64). */
  dtype?: 'int32';
  ctx?: Context;
  /** Writes the samples into this int32 array (its shape is the sample shape). */
  out?: NDArray;
}

/**
 * MXNet `nd.random.randint(low, high, shape=_Null, dtype=_Null, ctx=None, out=None)`:
 * integers on [low, high) from MXNet's CPU random stream, bit for bit, whatever the backend.
 * Each value is `int32(low + rand_int64() % (high - low))` with two draws of the engine
 * LaunchRNG assigns, the same 1024 engines `uniform`/`normal` advance, so a program mixing
 * them sees MXNet's sequence. As in MXNet the modulo is slightly biased, and a 64-bit draw
 * that wraps negative (probability 2^-33 per value) gives a value below `low`; bounds
 * whose difference exceeds the int32 range wrap in the int32 output, as MXNet's cast does.
 * `low`, `high` must be integers with low < high (MXNet accepts low == high, then divides
 * by zero).
 *
 * @example
 * mx.random.seed(0);
 * mx.nd.random.randint(-10, 10, { shape: [2] }); // [ 1 -6]
 */
export function randint(low: number, high: number, options: RandintOptions = {}): NDArray {
  const { out } = options;
  if (out !== undefined && !(out instanceof NDArray)) {
    throw new InvalidArgumentError(OP, `out must be an NDArray, got ${typeof out}`);
  }
  const dtype = options.dtype ?? 'int32';
  if (dtype !== 'int32') {
    throw new DTypeError(
      OP,
      `dtype ${String(dtype)} is not supported: randint samples are int32 (MXNet's int64 has no MXTS dtype)`,
    );
  }
  if (out !== undefined && out.dtype !== 'int32') {
    throw new DTypeError(
      OP,
      `out has dtype ${out.dtype}; randint writes int32 (Output type must be int32, int64)`,
    );
  }
  const shape = checkShape(OP, options.shape ?? out?.shape ?? [1]);
  if (out !== undefined && !sameShape(shape, out.shape)) {
    throw new ShapeError(OP, [shape, out.shape], 'shape must match the shape of out');
  }
  checkSize(OP, shape, 'int32');
  if (typeof low !== 'number' || typeof high !== 'number') {
    throw new InvalidArgumentError(
      OP,
      `low and high must be numbers, got ${typeof low} and ${typeof high}`,
    );
  }
  let values: Int32Array;
  try {
    values = sampleRandInt(sizeOf(shape), low, high);
  } catch (e) {
    if (e instanceof RangeError) throw new InvalidArgumentError(OP, e.message);
    throw e;
  }
  if (out === undefined) return fromHost(values, shape, options.ctx ?? currentContext());
  out._assign(fromHost(values, out.shape, out.context), true);
  return out;
}
