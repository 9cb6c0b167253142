import type { NDArray } from '@mxts/core';
import type { F } from '../hybrid-block.js';
import { Loss, type LossOptions } from './loss.js';

/**
 * MXNet `gluon.loss.L2Loss(weight=1., batch_axis=0)`: `weight/2 * (label - pred)²`,
 * averaged per sample.
 *
 * @example
 * new gluon.loss.L2Loss().forward(mx.nd.array([[1, 2]]), mx.nd.array([[1, 4]])); // [1]
 */
export class L2Loss extends Loss {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'L2Loss';
  constructor(options: LossOptions = {}) {
    super(options, 1);
  }

  override lossForward(F: F, pred: NDArray, label: NDArray, sampleWeight: NDArray | null): NDArray {
    const loss = F.square(F.subtract(this.reshapeLike(label, pred), pred));
    return this.weightedMean(F, loss, sampleWeight, (this.weight ?? 1) / 2);
  }
}
