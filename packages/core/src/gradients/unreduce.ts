import type { KernelAttrs } from '../backend/kernels.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { sameShape } from '../ndarray/shape.js';
import { applyOp } from '../ops/apply-op.js';
import { keptShape } from '../ops/reduce-axes.js';

/**
 * A reduction's output (or its gradient) with the reduced axes kept as length 1, ready to
 * broadcast against the input in a binary op: no materialized copy (Tile).
 */
export function keptDims(r: NDArray, x: NDArray, attrs: KernelAttrs['sum']): NDArray {
  const shape = keptShape(x.shape, attrs.axis);
  return sameShape(r.shape, shape) ? r : applyOp('reshape', [r], { shape });
}

/** Broadcasts a reduction's output (or its gradient) back to the input's shape. */
export function unreduce(r: NDArray, x: NDArray, attrs: KernelAttrs['sum']): NDArray {
  const kept = keptDims(r, x, attrs);
  return sameShape(kept.shape, x.shape)
    ? kept
    : applyOp('broadcastTo', [kept], { shape: [...x.shape] });
}
