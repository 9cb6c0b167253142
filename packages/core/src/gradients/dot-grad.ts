import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { applyOp } from '../ops/apply-op.js';

const dot = (a: NDArray, b: NDArray, transposeA: boolean, transposeB: boolean): NDArray =>
  applyOp('dot', [a, b], { transposeA, transposeB });

/**
 * The four transpose cases of d(A·B) for matrices, each itself a dot; an input that leads to
 * no variable (a layer's data) gets none.
 */
export const dotGrad: GradFn<KernelAttrs['dot']> = ({
  inputs: [a, b],
  attrs: { transposeA: tA, transposeB: tB },
  outGrads: [g],
  needsGrad: [da, db],
}) => {
  if (!tA && !tB) return [da ? dot(g, b, false, true) : null, db ? dot(a, g, true, false) : null];
  if (tA && !tB) return [da ? dot(b, g, false, true) : null, db ? dot(a, g, false, false) : null];
  if (!tA && tB) return [da ? dot(g, b, false, false) : null, db ? dot(g, a, true, false) : null];
  return [da ? dot(b, g, true, true) : null, db ? dot(g, a, true, true) : null];
};
