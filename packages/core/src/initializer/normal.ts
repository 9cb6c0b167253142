import type { NDArray } from '../ndarray/ndarray.js';
import type { InitDesc } from './init-desc.js';
import { Initializer } from './initializer.js';
import { readArgs } from './options.js';
import { type PyFloat, type PyNumber, pyNumber, toNumber } from './py-float.js';
import { opParam, sampleInto } from './sample-into.js';

/** Options of {@link Normal}. */
export interface NormalOptions {
  /** Standard deviation; default 0.01. Must be > 0. */
  sigma?: PyNumber;
}

/**
 * MXNet `mx.init.Normal(sigma=0.01)`: weights drawn from N(0, sigma²) with
 * `mx.nd.random.normal(0, sigma, out=arr)`, from MXNet's CPU random stream bit for bit.
 *
 * @example
 * new mx.init.Normal(0.8).dumps(); // '["normal", {"sigma": 0.8}]'
 * mx.random.seed(0);
 * new mx.init.Normal().apply(new mx.init.InitDesc('fc_weight'), mx.nd.zeros([2, 3]));
 * // [[0.02212206 0.00774004 0.0104344 ] [0.01183925 0.01891711 -0.01234741]]
 */
export class Normal extends Initializer {
  static override readonly mxnetName: string = 'Normal';

  /** MXNet's `self.sigma`. */
  readonly sigma: number;
  private readonly sigmaParam: bigint | PyFloat;

  constructor(options?: NormalOptions);
  constructor(sigma: PyNumber);
  constructor(...args: unknown[]) {
    const o = readArgs('Normal', args, ['sigma']);
    const s = pyNumber('Normal', 'sigma', o.sigma ?? 0.01, 'float');
    super({ sigma: s });
    this.sigmaParam = s;
    this.sigma = toNumber(s);
  }

  override _initWeight(_desc: InitDesc | string | null, arr: NDArray): void {
    sampleInto(this.className, arr, 'normal', 0n, opParam(this.sigmaParam));
  }
}
