import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelContext } from './kernel-context.js';

const size = (t: TensorInfo): number => t.shape.reduce((p, d) => p * d, 1);

/**
 * `op(a) · op(b)` for 3-D (batch, rows, cols) or 2-D (rows, cols) operands through a product kernel that is
 * only fast without transpose flags (TF.js wasm's BatchMatMul runs flagged operands on a
 * plain loop instead of XNNPACK: 64x784 by 784x256 takes 10x longer with transposeB).
 * Lowers to one unflagged product and explicit transposes, choosing the cheaper of two:
 * transposing each flagged operand, or computing `(op(b)ᵀ · op(a)ᵀ)ᵀ`, which transposes
 * each unflagged operand and the result (so a layer's `x · wᵀ` moves x and the output,
 * not the larger weight). `product(a, b)` runs the unflagged kernel.
 *
 * @example
 * const patch: TfKernelPatch = (k, inputs, attrs, engine) =>
 *   untransposedBatchMatMul(k, inputs.a, inputs.b, attrs, (a, b) =>
 *     engine({ a, b }, { transposeA: false, transposeB: false }));
 */
export function untransposedBatchMatMul(
  k: KernelContext,
  a: TensorInfo,
  b: TensorInfo,
  flags: { transposeA: boolean; transposeB: boolean },
  product: (a: TensorInfo, b: TensorInfo) => TensorInfo,
): TensorInfo {
  const { transposeA: tA, transposeB: tB } = flags;
  if (!tA && !tB) return product(a, b);
  const rank = a.shape.length;
  const perm = rank === 2 ? [1, 0] : [0, 2, 1];
  const swap = (x: TensorInfo): TensorInfo => k.call('Transpose', { x }, { perm });
  const rows = a.shape[rank - (tA ? 1 : 2)];
  const cols = b.shape[rank - (tB ? 2 : 1)];
  const batch = rank === 2 ? 1 : Math.max(a.shape[0], b.shape[0]);
  const outSize = batch * rows * cols;
  const direct = (tA ? size(a) : 0) + (tB ? size(b) : 0);
  const swapped = (tA ? 0 : size(a)) + (tB ? 0 : size(b)) + outSize;
  return k.temps((tmp) => {
    if (direct <= swapped) return product(tA ? tmp(swap(a)) : a, tB ? tmp(swap(b)) : b);
    // op(b)ᵀ is b itself when b is flagged, else b moved; likewise op(a)ᵀ.
    const lhs = tB ? b : tmp(swap(b));
    const rhs = tA ? a : tmp(swap(a));
    return swap(tmp(product(lhs, rhs)));
  });
}
