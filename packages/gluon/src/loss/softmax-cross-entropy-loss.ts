import { InvalidArgumentError, type NDArray, ShapeError } from '@mxts/core';
import type { F } from '../hybrid-block.js';
import { Loss, type LossOptions } from './loss.js';

/** Options of {@link SoftmaxCrossEntropyLoss}. */
export interface SoftmaxCrossEntropyLossOptions extends LossOptions {
  /** The class axis; default -1. */
  axis?: number;
  /** Labels are class indices (default true); false: a distribution per sample. */
  sparseLabel?: boolean;
  /** `pred` is already log-probabilities; default false. */
  fromLogits?: boolean;
}

/**
 * MXNet `gluon.loss.SoftmaxCrossEntropyLoss(axis=-1, sparse_label=True, from_logits=False,
 * weight=None, batch_axis=0)`: `-log_softmax(pred)[label]` (sparse) or
 * `-sum(label * log_softmax(pred))`, averaged per sample.
 *
 * @example
 * const lossFn = new gluon.loss.SoftmaxCrossEntropyLoss();
 * lossFn.forward(mx.nd.array([[0, 0]]), mx.nd.array([1])); // [0.6931472]
 */
export class SoftmaxCrossEntropyLoss extends Loss {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'SoftmaxCrossEntropyLoss';
  readonly axis: number;
  readonly sparseLabel: boolean;
  readonly fromLogits: boolean;

  constructor(options: SoftmaxCrossEntropyLossOptions = {}) {
    const { axis = -1, sparseLabel = true, fromLogits = false, ...lossOptions } = options;
    if (!Number.isInteger(axis)) {
      throw new InvalidArgumentError(
        'SoftmaxCrossEntropyLoss',
        `axis must be an integer, got ${axis}`,
      );
    }
    super(lossOptions);
    this.axis = axis;
    this.sparseLabel = sparseLabel;
    this.fromLogits = fromLogits;
  }

  override lossForward(F: F, pred: NDArray, label: NDArray, sampleWeight: NDArray | null): NDArray {
    const axis = this.axis < 0 ? this.axis + pred.ndim : this.axis;
    if (axis < 0 || axis >= pred.ndim) {
      throw new ShapeError(
        'SoftmaxCrossEntropyLoss',
        [pred.shape],
        `axis ${this.axis} is out of range for pred`,
      );
    }
    if (this.sparseLabel && label.size * pred.shape[axis] !== pred.size) {
      throw new ShapeError(
        'SoftmaxCrossEntropyLoss',
        [pred.shape, label.shape],
        `sparse labels need one class index per row of pred along axis ${this.axis} (label shape = pred shape without that axis)`,
      );
    }
    const logp = this.fromLogits ? pred : F.logSoftmax(pred, { axis });
    let loss: NDArray;
    if (this.sparseLabel) {
      const idx =
        label.ndim === pred.ndim - 1 || label.ndim === pred.ndim
          ? label
          : label.reshape(pred.shape.filter((_, i) => i !== axis));
      loss = F.negative(F.pick(logp, idx, { axis, keepdims: true }));
    } else {
      const l = this.reshapeLike(label, pred);
      loss = F.negative(F.sum(F.multiply(logp, l), { axis, keepdims: true }));
    }
    return this.weightedMean(F, loss, sampleWeight);
  }
}
