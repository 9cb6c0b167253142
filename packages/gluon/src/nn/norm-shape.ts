import { type NDArray, ShapeError } from '@mxts/core';

/** @internal The axis of `x` that a normalization layer's (C,) parameters follow, checked. */
export function channelAxis(op: string, x: NDArray, axis: number): number {
  const a = axis < 0 ? axis + x.ndim : axis;
  if (!Number.isInteger(a) || a < 0 || a >= x.ndim) {
    throw new ShapeError(op, [x.shape], `axis=${axis} is out of range for ${x.ndim}-D input`);
  }
  return a;
}
