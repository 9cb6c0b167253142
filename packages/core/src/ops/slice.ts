import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkBoundList, checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/** Options of `slice`: per-axis bounds; `null` means the default, as Python's `None`. */
export interface SliceOptions {
  begin: readonly (number | null)[];
  end: readonly (number | null)[];
  step?: readonly (number | null)[];
}

/** Resolves MXNet's slice bounds (None, negatives, clamping) into begin/size/step. */
export function resolveSlice(op: string, shape: readonly number[], o: SliceOptions) {
  if (o.begin.length !== o.end.length || o.begin.length > shape.length) {
    throw new InvalidArgumentError(
      op,
      `begin (${o.begin.length} values) and end (${o.end.length}) must have the same length, at most ndim=${shape.length}`,
    );
  }
  const begin: number[] = [];
  const size: number[] = [];
  const step: number[] = [];
  shape.forEach((dim, i) => {
    const s = o.step?.[i] ?? 1;
    if (s === 0) throw new InvalidArgumentError(op, `step of axis ${i} must not be 0`);
    let b = o.begin[i] ?? null;
    let e = o.end[i] ?? null;
    if (i >= o.begin.length) {
      b = null;
      e = null;
    }
    if (s > 0) {
      b = b === null ? 0 : Math.min(dim, Math.max(0, b < 0 ? b + dim : b));
      e = e === null ? dim : Math.min(dim, Math.max(0, e < 0 ? e + dim : e));
      size.push(Math.max(0, Math.ceil((e - b) / s)));
    } else {
      b = b === null ? dim - 1 : Math.min(dim - 1, Math.max(-1, b < 0 ? b + dim : b));
      e = e === null ? -1 : Math.min(dim - 1, Math.max(-1, e < 0 ? e + dim : e));
      size.push(Math.max(0, Math.ceil((b - e) / -s)));
    }
    begin.push(b);
    step.push(s);
  });
  return { begin, size, step };
}

/**
 * MXNet `nd.slice(data, begin, end, step=())`: a strided sub-array; `null` bounds mean the
 * whole axis, negatives count from the end, steps may be negative.
 *
 * @example
 * mx.nd.slice(mx.nd.arange(6).reshape([2, 3]), { begin: [0, 1], end: [2, null] }); // [[1 2] [4 5]]
 */
export function slice(x: NDArray, options: SliceOptions): NDArray {
  checkNDArray('slice', 'x', x);
  checkRequiredOptions('slice', options);
  checkBoundList('slice', 'begin', options.begin);
  checkBoundList('slice', 'end', options.end);
  if (options.step !== undefined) checkBoundList('slice', 'step', options.step);
  return applyOp('slice', [x], resolveSlice('slice', x.shape, options));
}
