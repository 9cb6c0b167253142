import type { NDArray } from '@mxts/core';
import type { F } from '../hybrid-block.js';
import { Loss, type LossOptions } from './loss.js';

/** Options of {@link KLDivLoss}. */
export interface KLDivLossOptions extends LossOptions {
  /** `pred` is already log-probabilities (default true); false applies log_softmax. */
  fromLogits?: boolean;
  /** The class axis for log_softmax; default -1. */
  axis?: number;
}

/**
 * MXNet `gluon.loss.KLDivLoss(from_logits=True, axis=-1, weight=None, batch_axis=0)`:
 * `label * (log(label + 1e-12) - pred)`, summed per sample over the other axes (as MXNet
 * 1.9.1's code does; its docstring says averaged).
 *
 * @example
 * new gluon.loss.KLDivLoss({ fromLogits: false }).forward(logits, targetProbs);
 */
export class KLDivLoss extends Loss {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'KLDivLoss';
  readonly fromLogits: boolean;
  readonly axis: number;

  constructor(options: KLDivLossOptions = {}) {
    const { fromLogits = true, axis = -1, ...lossOptions } = options;
    super(lossOptions);
    this.fromLogits = fromLogits;
    this.axis = axis;
  }

  override lossForward(F: F, pred: NDArray, label: NDArray, sampleWeight: NDArray | null): NDArray {
    const logp = this.fromLogits ? pred : F.logSoftmax(pred, { axis: this.axis });
    const loss = F.multiply(label, F.subtract(F.log(F.add(label, 1e-12)), logp));
    return this.weightedSum(F, loss, sampleWeight);
  }
}
