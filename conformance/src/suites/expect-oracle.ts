import type * as mx from '@mxts/core';
import { check, closeValues, expectShape, fail } from '../assertions.js';
import type { OracleCheck } from '../fixtures/torch-oracle.js';
import { forwardTolerance } from '../op-info/tolerance.js';

/**
 * Checks an array against a PyTorch float64 reference: shape, float32 dtype, no NaN or Inf,
 * and values within float32 tolerance grown with the number of terms each value accumulates.
 */
export async function expectOracle(
  what: string,
  actual: mx.NDArray,
  expected: OracleCheck,
): Promise<void> {
  expectShape(what, actual, expected.shape);
  check(actual.dtype === 'float32', `${what}: dtype ${actual.dtype}, expected float32`);
  const v = await actual.data();
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) {
      fail(`${what}: element ${i} is ${v[i]}, expected ${expected.values[i]}`);
    }
  }
  closeValues(what, v, expected.values, forwardTolerance(expected.terms));
}

/** What one case compares after running an entry. */
export type OracleTarget =
  | { kind: 'forward' }
  | { kind: 'grad'; input: string }
  | { kind: 'moving'; state: string };

/** The case name's last part: `forward`, `grad-<input>` or `moving-<state>`. */
export function targetName(target: OracleTarget): string {
  if (target.kind === 'forward') return 'forward';
  return target.kind === 'grad' ? `grad-${target.input}` : `moving-${target.state}`;
}

/** Every check of an entry: its forward, each gradient, each moving statistic. */
export function oracleTargets(e: {
  grads: Readonly<Record<string, unknown>>;
  movingAfter?: Readonly<Record<string, unknown>>;
}): OracleTarget[] {
  return [
    { kind: 'forward' },
    ...Object.keys(e.grads).map((input) => ({ kind: 'grad' as const, input })),
    ...Object.keys(e.movingAfter ?? {}).map((state) => ({ kind: 'moving' as const, state })),
  ];
}
