import { InvalidArgumentError, type NDArray } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';

/** Options of {@link Dropout}. */
export interface DropoutOptions extends BlockOptions {
  /** Axes that share one mask value (variational dropout). */
  axes?: readonly number[];
}

/**
 * MXNet `gluon.nn.Dropout(rate, axes=())`: while `autograd.isTraining()` (inside
 * `autograd.record()`), zeroes each element with probability `rate` and scales the rest by
 * 1/(1-rate), drawing from MXNet's random stream; otherwise the identity.
 *
 * @example
 * const drop = new gluon.nn.Dropout(0.5);
 * mx.autograd.record(() => drop.forward(mx.nd.ones([4, 4]))); // 0s and 2s
 */
export class Dropout extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Dropout';
  /** The drop probability. */
  readonly rate: number;
  /** The shared-mask axes. */
  readonly axes: readonly number[];

  constructor(rate: number, options: DropoutOptions = {}) {
    const { axes = [], ...blockOptions } = options;
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      throw new InvalidArgumentError('nn.Dropout', `rate=${rate} must lie in [0, 1]`);
    }
    super(blockOptions);
    this.rate = rate;
    this.axes = [...axes];
  }

  override hybridForward(F: F, x: NDArray): NDArray {
    if (this.rate > 0) return F.Dropout(x, { p: this.rate, axes: this.axes });
    return F.copy(x);
  }

  override toString(): string {
    return `Dropout(p = ${this.rate}, axes=(${this.axes.join(', ')}${this.axes.length === 1 ? ',' : ''}))`;
  }
}
