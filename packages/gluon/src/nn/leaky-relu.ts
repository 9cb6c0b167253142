import { InvalidArgumentError, type NDArray } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';
import { symbolF } from '../symbol-f.js';

/**
 * MXNet `gluon.nn.LeakyReLU(alpha)`: `x` where x > 0, else `alpha * x` (MXNet's
 * LeakyReLU op, act_type 'leaky'; its gradient is `alpha` at 0).
 *
 * @example
 * new gluon.nn.LeakyReLU(0.1).forward(mx.nd.array([-1, 2])); // [-0.1, 2]
 */
export class LeakyReLU extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'LeakyReLU';
  /** The slope for x <= 0. */
  readonly alpha: number;

  constructor(alpha: number, options: BlockOptions = {}) {
    if (typeof alpha !== 'number' || !(alpha >= 0)) {
      throw new InvalidArgumentError(
        'nn.LeakyReLU',
        `Slope coefficient for LeakyReLU must be no less than 0 (got ${alpha})`,
      );
    }
    super(options);
    this.alpha = alpha;
  }

  override hybridForward(F: F, x: NDArray): NDArray {
    if (F === symbolF) {
      return (F as any).LeakyReLU(x, { actType: 'leaky', slope: this.alpha });
    }
    return F.where(F.greater(x, 0), x, F.multiply(x, this.alpha));
  }

  override toString(): string {
    return `LeakyReLU(${this.alpha})`;
  }
}
