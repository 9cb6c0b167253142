import { readArgs } from './options.js';
import { PyFloat, type PyNumber, pyNumber, toNumber } from './py-float.js';
import { Xavier, type XavierFactorType } from './xavier.js';

/** Options of {@link MSRAPrelu}. */
export interface MSRAPreluOptions {
  /** `'avg'` (default), `'in'` or `'out'`. */
  factorType?: XavierFactorType;
  /** Initial slope of the PReLU nonlinearities; default 0.25. */
  slope?: PyNumber;
}

/**
 * MXNet `mx.init.MSRAPrelu(factor_type="avg", slope=0.25)`: He initialization, a Gaussian
 * Xavier with `magnitude = 2 / (1 + slope²)` (1.8823529411764706 by default), drawn on
 * MXNet's random stream bit for bit.
 *
 * @example
 * new mx.init.MSRAPrelu().dumps(); // '["msraprelu", {"factor_type": "avg", "slope": 0.25}]'
 * new mx.init.MSRAPrelu({ factorType: 'in' }).apply(new mx.init.InitDesc('conv_weight'), w);
 */
export class MSRAPrelu extends Xavier {
  static override readonly mxnetName: string = 'MSRAPrelu';

  /** The PReLU slope. */
  readonly slope: number;

  constructor(options?: MSRAPreluOptions);
  constructor(factorType: XavierFactorType, slope?: PyNumber);
  constructor(...args: unknown[]) {
    const o = readArgs('MSRAPrelu', args, ['factorType', 'slope']);
    const factorType = String(o.factorType ?? 'avg') as XavierFactorType;
    const slope = pyNumber('MSRAPrelu', 'slope', o.slope ?? 0.25, 'float');
    const s = toNumber(slope);
    super({ rndType: 'gaussian', factorType, magnitude: new PyFloat(2 / (1 + s ** 2)) });
    this._kwargs = { factor_type: factorType, slope };
    this.slope = s;
  }
}
