import type { NDArray } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';

/**
 * MXNet `gluon.nn.Flatten()`: reshapes (N, d1, d2, ...) to (N, d1*d2*...).
 *
 * @example
 * new gluon.nn.Flatten().forward(mx.nd.ones([2, 3, 4])).shape; // [2, 12]
 */
export class Flatten extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Flatten';
  constructor(options: BlockOptions = {}) {
    super(options);
  }

  override hybridForward(F: F, x: NDArray): NDArray {
    return F.flatten(x);
  }

  override toString(): string {
    return 'Flatten';
  }
}
