import { disposeCreated } from '../../memory/collect.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import { broadcastDiv } from '../../ops/divide.js';
import { maximum } from '../../ops/maximum.js';
import { broadcastMul, multiply } from '../../ops/multiply.js';
import { notEqual } from '../../ops/not-equal.js';
import { oneHot } from '../../ops/one-hot.js';
import { reshape } from '../../ops/reshape.js';
import { subtract } from '../../ops/subtract.js';
import { sum } from '../../ops/sum.js';
import { transpose } from '../../ops/transpose.js';
import { type Attrs, attrBool, attrEnum, attrFloat } from '../attrs.js';

const OP = 'SoftmaxOutput';

/** SoftmaxOutput's backward-only parameters, with MXNet's defaults. @internal */
export function softmaxOutputParams(attrs: Attrs) {
  return {
    gradScale: attrFloat(OP, attrs, 'grad_scale', 1),
    ignoreLabel: attrFloat(OP, attrs, 'ignore_label', -1),
    useIgnore: attrBool(OP, attrs, 'use_ignore', false),
    normalization: attrEnum(
      OP,
      attrs,
      'normalization',
      ['null', 'batch', 'valid'] as const,
      'null',
    ),
    outGrad: attrBool(OP, attrs, 'out_grad', false),
    smoothAlpha: attrFloat(OP, attrs, 'smooth_alpha', 0),
    multiOutput: attrBool(OP, attrs, 'multi_output', false),
    preserveShape: attrBool(OP, attrs, 'preserve_shape', false),
  };
}

/**
 * The gradient MXNet's SoftmaxOutput writes for its data (src/operator/softmax_output-inl.h,
 * `SoftmaxOutputOp::Backward`); it ignores the head gradient, as a loss layer:
 * - label of the output's shape (probabilities): `gradScale * (out - label)`, times the head
 *   gradient with `outGrad`;
 * - class labels: `out - onehot(label)` (smoothed: `1 - alpha` on the label, `alpha/(k-1)`
 *   elsewhere, single output only), rows whose label is `ignoreLabel` zeroed with
 *   `useIgnore`, then times `gradScale / n` where n is 1 ('null'), the label's first
 *   dimension ('batch'), or the count of labels other than `ignoreLabel`, at least 1
 *   ('valid'; counted with or without `useIgnore`); with `multiOutput`, 'null' and 'batch'
 *   also divide by the spatial size; times the head gradient with `outGrad`.
 * The class axis is the last of the data flattened to 2-D (the last axis with
 * `preserveShape`), axis 1 with `multiOutput`.
 * @internal
 */
export function softmaxOutputGrad(
  attrs: Attrs,
  out: NDArray,
  label: NDArray,
  headGrad: NDArray,
): NDArray {
  const p = softmaxOutputParams(attrs);
  return disposeCreated(() => {
    if (label.size === out.size && label.shape.every((d, i) => d === out.shape[i])) {
      const g = multiply(subtract(out, label), p.gradScale);
      return p.outGrad ? multiply(g, headGrad) : g;
    }
    const n = out.shape[0];
    let k: number;
    let grad: NDArray;
    let flatLabel: NDArray;
    let maskShape: number[];
    let batchCount: number;
    // MXNet's multi-output branch also divides by the spatial size, except for 'valid'.
    let spatial = 1;
    if (p.multiOutput) {
      k = out.shape[1];
      const rest = out.size / (n * k);
      flatLabel = reshape(label, { shape: [n, rest] });
      // one_hot puts the class axis last: (n, rest, k) -> (n, k, rest). MXNet smooths
      // labels only in the single-output branch.
      const target = transpose(oneHot(flatLabel, { depth: k }), { axes: [0, 2, 1] });
      grad = subtract(reshape(out, { shape: [n, k, rest] }), target);
      maskShape = [n, 1, rest];
      batchCount = n;
      spatial = rest;
    } else {
      k = p.preserveShape ? out.shape[out.ndim - 1] : out.size / n;
      const rows = out.size / k;
      flatLabel = reshape(label, { shape: [rows] });
      const target = smoothed(oneHot(flatLabel, { depth: k }), k, p.smoothAlpha);
      grad = subtract(reshape(out, { shape: [rows, k] }), target);
      maskShape = [rows, 1];
      batchCount = rows;
    }
    const valid = notEqual(flatLabel, p.ignoreLabel);
    if (p.useIgnore) grad = broadcastMul(grad, reshape(valid, { shape: maskShape }));
    if (p.normalization === 'valid') {
      const count = reshape(maximum(sum(valid), 1), { shape: maskShape.map(() => 1) });
      grad = broadcastDiv(multiply(grad, p.gradScale), count);
    } else {
      const count = p.normalization === 'batch' ? batchCount : 1;
      grad = multiply(grad, p.gradScale / spatial / count);
    }
    const shaped = reshape(grad, { shape: out.shape });
    return p.outGrad ? multiply(shaped, headGrad) : shaped;
  });
}

/** MXNet's SmoothSoftmaxGrad target: `1 - alpha` on the label, `alpha / (k - 1)` elsewhere. */
function smoothed(onehot: NDArray, k: number, alpha: number): NDArray {
  if (alpha === 0) return onehot;
  const off = alpha / (k - 1);
  return multiply(onehot, 1 - alpha - off).add(off);
}
