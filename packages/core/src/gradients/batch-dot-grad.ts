import type { GradFn } from '../autograd/node.js';
import type { KernelAttrs } from '../backend/kernels.js';
import { batchDot } from '../ops/batch-dot.js';

/** The four transpose cases of d(A·B): each gradient is itself a batch_dot. */
export const batchDotGrad: GradFn<KernelAttrs['batchDot']> = ({
  inputs: [a, b],
  attrs,
  outGrads: [g],
}) => {
  const { transposeA: tA, transposeB: tB } = attrs;
  if (!tA && !tB)
    return [batchDot(g, b, { transposeB: true }), batchDot(a, g, { transposeA: true })];
  if (tA && !tB) return [batchDot(b, g, { transposeB: true }), batchDot(a, g)];
  if (!tA && tB) return [batchDot(g, b), batchDot(g, a, { transposeA: true })];
  return [
    batchDot(b, g, { transposeA: true, transposeB: true }),
    batchDot(g, a, { transposeA: true, transposeB: true }),
  ];
};
