import type { NDArray } from '../ndarray/ndarray.js';
import type { InitDesc } from './init-desc.js';
import { Initializer } from './initializer.js';
import { readOptions } from './options.js';

/**
 * MXNet `mx.init.One()` (registered as `one`, alias `ones`): weights become 1. Biases still
 * get 0 by name (`One` on `fc_bias` gives 0), unless an `__init__` attribute asks for One.
 *
 * @example
 * new mx.init.One().apply(new mx.init.InitDesc('fc_weight'), w); // w = 1
 * new mx.init.One().dumps(); // '["one", {}]'
 */
export class One extends Initializer {
  static override readonly mxnetName: string = 'One';

  constructor(options?: Record<string, never>) {
    readOptions('One', options, []);
    super({});
  }

  override _initWeight(_desc: InitDesc | string | null, arr: NDArray): void {
    arr.set(1);
  }
}
