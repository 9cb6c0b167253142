import type { NDArray } from '@mxts/core';
import type { F } from '../hybrid-block.js';
import { Loss, type LossOptions } from './loss.js';

/** Options of {@link SigmoidBinaryCrossEntropyLoss}. */
export interface SigmoidBinaryCrossEntropyLossOptions extends LossOptions {
  /** `pred` is already a probability (sigmoid applied); default false (logits). */
  fromSigmoid?: boolean;
}

/**
 * MXNet `gluon.loss.SigmoidBinaryCrossEntropyLoss(from_sigmoid=False, weight=None,
 * batch_axis=0)` (alias `SigmoidBCELoss`): on logits, MXNet's stable
 * `max(x, 0) - x*z + log(1 + exp(-|x|))`; on probabilities,
 * `-(log(p + 1e-12)*z + log(1 - p + 1e-12)*(1 - z))`. Averaged per sample.
 *
 * @example
 * new gluon.loss.SigmoidBinaryCrossEntropyLoss().forward(mx.nd.array([[0]]), mx.nd.array([[1]])); // [0.6931472]
 */
export class SigmoidBinaryCrossEntropyLoss extends Loss {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'SigmoidBinaryCrossEntropyLoss';
  readonly fromSigmoid: boolean;

  constructor(options: SigmoidBinaryCrossEntropyLossOptions = {}) {
    const { fromSigmoid = false, ...lossOptions } = options;
    super(lossOptions);
    this.fromSigmoid = fromSigmoid;
  }

  override lossForward(F: F, pred: NDArray, label: NDArray, sampleWeight: NDArray | null): NDArray {
    const z = this.reshapeLike(label, pred);
    let loss: NDArray;
    if (!this.fromSigmoid) {
      loss = F.add(
        F.subtract(F.relu(pred), F.multiply(pred, z)),
        F.Activation(F.negative(F.abs(pred)), { actType: 'softrelu' }),
      );
    } else {
      const eps = 1e-12;
      loss = F.negative(
        F.add(
          F.multiply(F.log(F.add(pred, eps)), z),
          F.multiply(F.log(F.add(F.subtract(1, pred), eps)), F.subtract(1, z)),
        ),
      );
    }
    return this.weightedMean(F, loss, sampleWeight);
  }
}
