import { Pooling, type PoolOptions } from './pooling.js';

/**
 * MXNet `gluon.nn.MaxPool2D(pool_size=(2, 2), strides=None, padding=0, layout='NCHW',
 * ceil_mode=False)`: the maximum of each window of (batch, channels, height, width) data;
 * `strides` defaults to the pool size, a number applies to both axes. Prefix `pool<n>_`.
 *
 * @example
 * const pool = new gluon.nn.MaxPool2D(2, { strides: 2 });
 * pool.forward(mx.nd.ones([1, 6, 24, 24])).shape; // [1, 6, 12, 12]
 */
export class MaxPool2D extends Pooling {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'MaxPool2D';
  constructor(poolSize: number | readonly number[] = 2, options: PoolOptions = {}) {
    const { strides = null, padding = 0, layout = 'NCHW', ceilMode = false, ...rest } = options;
    const spec = { poolSize, strides, padding, ceilMode, layout, globalPool: false };
    super('nn.MaxPool2D', 2, { ...spec, poolType: 'max' }, rest);
  }
}
