import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { batchDot } from '../ops/batch-dot.js';

/**
 * The four transpose cases of d(A·B): each gradient is itself a batch_dot. An input that
 * leads to no variable (a layer's data) gets none: its product is as costly as the weight's.
 */
export const batchDotGrad: GradFn<KernelAttrs['batchDot']> = ({
  inputs: [a, b],
  attrs,
  outGrads: [g],
  needsGrad: [da, db],
}) => {
  const { transposeA: tA, transposeB: tB } = attrs;
  if (!tA && !tB) {
    return [
      da ? batchDot(g, b, { transposeB: true }) : null,
      db ? batchDot(a, g, { transposeA: true }) : null,
    ];
  }
  if (tA && !tB)
    return [da ? batchDot(b, g, { transposeB: true }) : null, db ? batchDot(a, g) : null];
  if (!tA && tB)
    return [da ? batchDot(g, b) : null, db ? batchDot(g, a, { transposeA: true }) : null];
  return [
    da ? batchDot(b, g, { transposeA: true, transposeB: true }) : null,
    db ? batchDot(g, a, { transposeA: true, transposeB: true }) : null,
  ];
};
