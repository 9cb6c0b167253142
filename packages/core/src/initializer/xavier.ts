import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { xavierFactor } from './fans.js';
import type { InitDesc } from './init-desc.js';
import { Initializer } from './initializer.js';
import { readArgs } from './options.js';
import { type PyNumber, pyNumber, toNumber } from './py-float.js';
import { sampleInto } from './sample-into.js';

/** MXNet's `rnd_type` of {@link Xavier}: the distribution of the draws. */
export type XavierRndType = 'uniform' | 'gaussian';

/** MXNet's `factor_type` of {@link Xavier} and {@link MSRAPrelu}: which fan sets the scale. */
export type XavierFactorType = 'avg' | 'in' | 'out';

/** Options of {@link Xavier}. */
export interface XavierOptions {
  /** `'uniform'` (default) or `'gaussian'`. */
  rndType?: XavierRndType;
  /** `'avg'` (default), `'in'` or `'out'`. */
  factorType?: XavierFactorType;
  /** Scale of the random numbers; default 3 (an int, so `dumps()` prints `3`). */
  magnitude?: PyNumber;
}

/**
 * MXNet `mx.init.Xavier(rnd_type="uniform", factor_type="avg", magnitude=3)`: Glorot
 * initialization. With `fanIn = shape[1]*k`, `fanOut = shape[0]*k` (k the product of the
 * kernel dimensions) and `factor` their average, fanIn or fanOut, the scale is
 * `sqrt(magnitude / factor)`; weights are drawn from U(-scale, scale) or N(0, scale²) on
 * MXNet's random stream, bit for bit. Weights must be at least 2-D.
 *
 * @example
 * new mx.init.Xavier({ factorType: 'in', magnitude: 2.45 }).dumps();
 * // '["xavier", {"rnd_type": "uniform", "factor_type": "in", "magnitude": 2.45}]'
 * new mx.init.Xavier({ rndType: 'gaussian', factorType: 'out', magnitude: 2 })
 *   .apply(new mx.init.InitDesc('conv_weight'), w);
 * new mx.init.Xavier('gaussian', 'in', 2); // MXNet's positional order works too
 */
export class Xavier extends Initializer {
  static override readonly mxnetName: string = 'Xavier';

  /** MXNet's `self.rnd_type`. */
  readonly rndType: XavierRndType;
  /** MXNet's `self.factor_type`. */
  readonly factorType: XavierFactorType;
  /** MXNet's `self.magnitude` (`float(magnitude)`). */
  readonly magnitude: number;

  constructor(options?: XavierOptions);
  constructor(rndType: XavierRndType, factorType?: XavierFactorType, magnitude?: PyNumber);
  constructor(...args: unknown[]) {
    const o = readArgs('Xavier', args, ['rndType', 'factorType', 'magnitude']);
    // Unchecked here, as in MXNet: apply() raises on an unknown value (from untyped callers).
    const rndType = String(o.rndType ?? 'uniform') as XavierRndType;
    const factorType = String(o.factorType ?? 'avg') as XavierFactorType;
    const magnitude = pyNumber('Xavier', 'magnitude', o.magnitude ?? 3, 'int');
    super({ rnd_type: rndType, factor_type: factorType, magnitude });
    this.rndType = rndType;
    this.factorType = factorType;
    this.magnitude = toNumber(magnitude);
  }

  /**
   * The scale `sqrt(magnitude / factor)` Xavier uses for a weight shape (MXTS addition).
   * @example new mx.init.Xavier().scaleFor([64, 32, 3, 3]); // 0.08333333333333333
   */
  scaleFor(shape: readonly number[], name = 'weight'): number {
    if (shape.length < 2) {
      throw new InvalidArgumentError(
        this.className,
        `Xavier initializer cannot be applied to vector ${name}. It requires at least 2D. (shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''}); use another initializer for 1-D parameters)`,
      );
    }
    const factor = xavierFactor(shape, this.factorType);
    if (factor === null) {
      throw new InvalidArgumentError(
        this.className,
        `Incorrect factor type (factorType '${this.factorType}'; use 'avg', 'in' or 'out')`,
      );
    }
    return Math.sqrt(this.magnitude / factor);
  }

  override _initWeight(desc: InitDesc | string | null, arr: NDArray): void {
    const scale = this.scaleFor(arr.shape, String(desc));
    if (this.rndType === 'uniform') sampleInto(this.className, arr, 'uniform', -scale, scale);
    else if (this.rndType === 'gaussian') sampleInto(this.className, arr, 'normal', 0n, scale);
    else {
      throw new InvalidArgumentError(
        this.className,
        `Unknown random type (rndType '${this.rndType}'; use 'uniform' or 'gaussian')`,
      );
    }
  }
}
