import { Pooling, type PoolOptions } from './pooling.js';

/**
 * MXNet `gluon.nn.MaxPool1D(pool_size=2, strides=None, padding=0, layout='NCW',
 * ceil_mode=False)`: the maximum of each window of (batch, channels, width) data; `strides`
 * defaults to the pool size. Prefix `pool<n>_`.
 *
 * @example
 * new gluon.nn.MaxPool1D(2).forward(mx.nd.array([[[1, 3, 2, 0]]])); // [[[3, 2]]]
 */
export class MaxPool1D extends Pooling {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'MaxPool1D';
  constructor(poolSize: number | readonly number[] = 2, options: PoolOptions = {}) {
    const { strides = null, padding = 0, layout = 'NCW', ceilMode = false, ...rest } = options;
    const spec = { poolSize, strides, padding, ceilMode, layout, globalPool: false };
    super('nn.MaxPool1D', 1, { ...spec, poolType: 'max' }, rest);
  }
}
