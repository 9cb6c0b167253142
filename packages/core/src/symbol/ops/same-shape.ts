import { ShapeError } from '../../errors/shape-error.js';
import type { MaybeShape } from '../op-def.js';

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * Shape inference of elementwise ops: every input and output has one shape, taken from
 * whichever is known. @internal
 */
export function inferSameShape(
  op: string,
  name: string,
  inputs: readonly MaybeShape[],
  outputs: readonly MaybeShape[],
): { inputs: MaybeShape[]; outputs: MaybeShape[] } {
  const known = [...inputs, ...outputs].filter((s): s is readonly number[] => s !== null);
  if (known.length === 0) return { inputs: [...inputs], outputs: [...outputs] };
  const s = known[0];
  for (const k of known) {
    if (!same(k, s)) {
      throw new ShapeError(
        op,
        [s, k],
        `Error in operator ${name}: the inputs and output of ${op} must have the same shape`,
      );
    }
  }
  return { inputs: inputs.map(() => s), outputs: outputs.map(() => s) };
}
