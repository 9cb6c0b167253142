import type { NDArray } from '../ndarray/ndarray.js';
import type { InitDesc } from './init-desc.js';
import { Initializer } from './initializer.js';
import { readOptions } from './options.js';

/**
 * MXNet `mx.init.Zero()` (registered as `zero`, alias `zeros`): weights become 0. Like every
 * initializer, biases and betas still get 0 and gammas 1 by name.
 *
 * @example
 * new mx.init.Zero().apply(new mx.init.InitDesc('fc_weight'), w); // w = 0
 * new mx.init.Zero().dumps(); // '["zero", {}]'
 */
export class Zero extends Initializer {
  static override readonly mxnetName: string = 'Zero';

  constructor(options?: Record<string, never>) {
    readOptions('Zero', options, []);
    super({});
  }

  override _initWeight(_desc: InitDesc | string | null, arr: NDArray): void {
    arr.set(0);
  }
}
