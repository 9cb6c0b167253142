import type { DType, NDArray } from '@mxts/core';
import { check, closeValues, fail, type Tolerance } from '../../assertions.js';
import type { RefArray } from '../ref-array.js';
import { toInt32 } from '../reference/math.js';

/** How outputs are compared with the reference. */
export interface CompareOptions {
  readonly tolerance: Tolerance;
  /** The dtype every output must have; int32 outputs must match exactly. */
  readonly dtype: DType;
  /** Zeros must carry the reference's sign (edge values: -0 where numpy gives -0). */
  readonly signedZeros?: boolean;
}

const HOST_ARRAY: Record<DType, { name: string }> = {
  float32: Float32Array,
  float64: Float64Array,
  int32: Int32Array,
};

const show = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));

/**
 * Checks each output's shape, dtype and values against the float64 reference, rounded to the
 * output dtype: float32 results to the nearest float32, int32 results truncated toward zero
 * as C converts (MXNet computes in the dtype).
 */
export async function expectOutputs(
  what: string,
  actual: readonly NDArray[],
  expected: readonly RefArray[],
  o: CompareOptions,
): Promise<void> {
  check(
    actual.length === expected.length,
    `${what}: ${actual.length} outputs, expected ${expected.length}`,
  );
  for (let k = 0; k < actual.length; k++) {
    const name = actual.length > 1 ? `${what}, output ${k}` : what;
    const y = actual[k];
    const e = expected[k];
    check(
      y.shape.length === e.shape.length && y.shape.every((d, i) => d === e.shape[i]),
      `${name}: shape (${y.shape.join(', ')}), expected (${e.shape.join(', ')})`,
    );
    check(y.dtype === o.dtype, `${name}: dtype ${y.dtype}, expected ${o.dtype}`);
    const values = await y.data();
    const host = HOST_ARRAY[o.dtype].name;
    check(
      values.constructor.name === host,
      `${name}: ${o.dtype} data read back as ${values.constructor.name}, not ${host}`,
    );
    if (o.dtype === 'int32') {
      closeValues(name, values, Array.from(e.values, toInt32), { rtol: 0, atol: 0 });
      continue;
    }
    // Rounded to float32 first, so overflow to ±Inf and underflow to 0 are expected too.
    const rounded = o.dtype === 'float32' ? Float32Array.from(e.values) : e.values;
    closeValues(name, values, rounded, o.tolerance);
    if (o.signedZeros) {
      rounded.forEach((v, i) => {
        if (v === 0 && !Object.is(values[i], v)) {
          fail(`${name}: element ${i} is ${show(values[i])}, expected ${show(v)} (sign of zero)`);
        }
      });
    }
  }
}
