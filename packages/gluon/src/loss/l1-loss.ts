import type { NDArray } from '@mxts/core';
import type { F } from '../hybrid-block.js';
import { Loss, type LossOptions } from './loss.js';

/**
 * MXNet `gluon.loss.L1Loss(weight=None, batch_axis=0)`: `|label - pred|`, averaged per
 * sample.
 *
 * @example
 * new gluon.loss.L1Loss().forward(mx.nd.array([[1, 2]]), mx.nd.array([[1, 4]])); // [1]
 */
export class L1Loss extends Loss {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'L1Loss';
  constructor(options: LossOptions = {}) {
    super(options);
  }

  override lossForward(F: F, pred: NDArray, label: NDArray, sampleWeight: NDArray | null): NDArray {
    const loss = F.abs(F.subtract(this.reshapeLike(label, pred), pred));
    return this.weightedMean(F, loss, sampleWeight);
  }
}
