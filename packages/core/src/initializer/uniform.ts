import type { NDArray } from '../ndarray/ndarray.js';
import type { InitDesc } from './init-desc.js';
import { Initializer } from './initializer.js';
import { readArgs } from './options.js';
import { type PyFloat, type PyNumber, pyNumber, toNumber } from './py-float.js';
import { opParam, sampleInto } from './sample-into.js';

/** Options of {@link Uniform}. */
export interface UniformOptions {
  /** Bound of the range [-scale, scale); default 0.07. */
  scale?: PyNumber;
}

/**
 * MXNet `mx.init.Uniform(scale=0.07)`: weights drawn uniformly from [-scale, scale) with
 * `mx.nd.random.uniform(-scale, scale, out=arr)`, from MXNet's CPU random stream bit for bit
 * (including MXNet's parsing of `str(scale)` to float32).
 *
 * @example
 * mx.random.seed(0);
 * const w = mx.nd.zeros([1, 3]);
 * new mx.init.Uniform(0.1).apply(new mx.init.InitDesc('fc_weight'), w);
 * // [[0.0097627  0.01856892 0.04303787]]
 */
export class Uniform extends Initializer {
  static override readonly mxnetName: string = 'Uniform';

  /** MXNet's `self.scale`. */
  readonly scale: number;
  private readonly scaleParam: bigint | PyFloat;

  constructor(options?: UniformOptions);
  constructor(scale: PyNumber);
  constructor(...args: unknown[]) {
    const o = readArgs('Uniform', args, ['scale']);
    const s = pyNumber('Uniform', 'scale', o.scale ?? 0.07, 'float');
    super({ scale: s });
    this.scaleParam = s;
    this.scale = toNumber(s);
  }

  override _initWeight(_desc: InitDesc | string | null, arr: NDArray): void {
    sampleInto(
      this.className,
      arr,
      'uniform',
      opParam(this.scaleParam, true),
      opParam(this.scaleParam),
    );
  }
}
