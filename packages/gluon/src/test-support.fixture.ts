// Test fixture (not built or published): the checks the unit tests of this package share.
import * as mx from '@mxts/core';
import { expect } from 'vitest';
import type { Block } from './block.js';

/** Live arrays over all backends, for the before/after checks. */
export const live = (): number => mx.memory().arrays;

/** An array's values, read synchronously (cpu and wasm). */
export const values = (x: mx.NDArray): number[] => Array.from(x.dataSync());

/** Frees every parameter of a block (its data and gradients). */
export function disposeAll(b: Block): void {
  for (const p of b.collectParams().values()) p.dispose();
}

/**
 * A comparison within `atol + rtol * |expected|`, elementwise; a finite expectation needs a
 * finite value, and NaN or an infinity must be matched exactly. `rtol`/`atol` are the
 * defaults of the returned function, which a call may override.
 */
export function closeWithin(defaultRtol: number, defaultAtol: number) {
  return (
    actual: ArrayLike<number>,
    expected: ArrayLike<number>,
    rtol = defaultRtol,
    atol = defaultAtol,
  ): void => {
    expect(actual.length).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) {
      const a = actual[i];
      const e = expected[i];
      const ok = Number.isFinite(e)
        ? Number.isFinite(a) && Math.abs(a - e) <= atol + rtol * Math.abs(e)
        : Object.is(a, e);
      if (!ok) throw new Error(`element ${i}: ${a} vs expected ${e}`);
    }
  };
}
