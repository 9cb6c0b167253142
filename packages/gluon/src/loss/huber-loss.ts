import { InvalidArgumentError, type NDArray } from '@mxts/core';
import type { F } from '../hybrid-block.js';
import { Loss, type LossOptions } from './loss.js';

/** Options of {@link HuberLoss}. */
export interface HuberLossOptions extends LossOptions {
  /** Threshold between the quadratic and linear parts; default 1. */
  rho?: number;
}

/**
 * MXNet `gluon.loss.HuberLoss(rho=1, weight=None, batch_axis=0)`: with `d = |label - pred|`,
 * `d - rho/2` where d > rho, else `d² / (2 rho)`; averaged per sample.
 *
 * @example
 * new gluon.loss.HuberLoss().forward(mx.nd.array([[0, 0]]), mx.nd.array([[0.5, 3]])); // [1.3125]
 */
export class HuberLoss extends Loss {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'HuberLoss';
  readonly rho: number;

  constructor(options: HuberLossOptions = {}) {
    const { rho = 1, ...lossOptions } = options;
    if (typeof rho !== 'number' || !(rho > 0)) {
      throw new InvalidArgumentError('HuberLoss', `rho must be a positive number, got ${rho}`);
    }
    super(lossOptions);
    this.rho = rho;
  }

  override lossForward(F: F, pred: NDArray, label: NDArray, sampleWeight: NDArray | null): NDArray {
    const d = F.abs(F.subtract(this.reshapeLike(label, pred), pred));
    const loss = F.where(
      F.greater(d, this.rho),
      F.subtract(d, 0.5 * this.rho),
      F.multiply(F.square(d), 0.5 / this.rho),
    );
    return this.weightedMean(F, loss, sampleWeight);
  }
}
