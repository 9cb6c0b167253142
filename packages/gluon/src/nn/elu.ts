import { InvalidArgumentError, type NDArray } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';
import { symbolF } from '../symbol-f.js';

/**
 * MXNet `gluon.nn.ELU(alpha=1.0)`: `x` where x > 0, else `alpha * (exp(x) - 1)` (MXNet's
 * LeakyReLU op, act_type 'elu').
 *
 * @example
 * new gluon.nn.ELU().forward(mx.nd.array([-1, 2])); // [-0.6321, 2]
 */
export class ELU extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'ELU';
  /** The scale of the negative part. */
  readonly alpha: number;

  constructor(alpha = 1.0, options: BlockOptions = {}) {
    if (typeof alpha !== 'number' || !Number.isFinite(alpha)) {
      throw new InvalidArgumentError('nn.ELU', `alpha must be a finite number (got ${alpha})`);
    }
    super(options);
    this.alpha = alpha;
  }

  override hybridForward(F: F, x: NDArray): NDArray {
    if (F === symbolF) return (F as any).LeakyReLU(x, { actType: 'elu', slope: this.alpha });
    // expm1 of min(x, 0): the unused branch stays finite, so its masked gradient is 0, not NaN.
    return F.where(F.greater(x, 0), x, F.multiply(F.expm1(F.minimum(x, 0)), this.alpha));
  }

  override toString(): string {
    return `ELU(${this.alpha})`;
  }
}
