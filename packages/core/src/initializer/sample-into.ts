import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { fromHostFill } from '../ndarray/creation.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { defaultGenerator, type FloatParamValue } from '../random/index.js';
import { PyFloat } from './py-float.js';

/**
 * A numeric argument as MXNet's op wrapper sends it (`str(value)`): a bigint prints as a
 * Python int, a number as a Python float. @internal
 */
export function opParam(v: bigint | PyFloat | number, negate = false): FloatParamValue {
  if (typeof v === 'bigint') return negate ? -v : v;
  const x = v instanceof PyFloat ? v.value : v;
  return negate ? -x : x;
}

/**
 * MXNet's `mx.nd.random.uniform(a, b, out=arr)` / `mx.nd.random.normal(a, b, out=arr)`:
 * draws arr.size values from MXNet's CPU stream, bit for bit, and writes them into arr
 * (float64 arrays draw float64 values, every other dtype float32). @internal
 */
export function sampleInto(
  op: string,
  arr: NDArray,
  dist: 'uniform' | 'normal',
  a: FloatParamValue,
  b: FloatParamValue,
): void {
  const dtype = arr.dtype === 'float64' ? 'float64' : 'float32';
  const draw = (out: Float32Array | Float64Array) =>
    dist === 'uniform'
      ? defaultGenerator.fillUniform(out, a, b)
      : defaultGenerator.fillNormal(out, a, b);
  try {
    // An empty draw consumes nothing from the stream: it only parses the parameters.
    draw(dtype === 'float64' ? new Float64Array(0) : new Float32Array(0));
  } catch (e) {
    if (e instanceof RangeError) {
      const fix =
        dist === 'uniform'
          ? 'the scale must be >= 0'
          : 'the standard deviation (sigma/scale) must be > 0';
      throw new InvalidArgumentError(
        op,
        `${e.message} (random.${dist}(${String(a)}, ${String(b)}) for a ${arr.shape.join('x')} array; ${fix})`,
      );
    }
    throw e;
  }
  // Drawn in place in the backend's memory where it allows (wasm's heap), then copied into
  // arr (`set` keeps arr's own memory, which other handles may share).
  const tmp = fromHostFill(arr.shape, dtype, arr.context, (values) =>
    draw(values as Float32Array | Float64Array),
  );
  try {
    arr.set(tmp);
  } finally {
    tmp.dispose();
  }
}
