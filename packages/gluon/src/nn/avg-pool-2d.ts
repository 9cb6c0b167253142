import { type AvgPoolOptions, Pooling } from './pooling.js';

/**
 * MXNet `gluon.nn.AvgPool2D(pool_size=(2, 2), strides=None, padding=0, ceil_mode=False,
 * layout='NCHW', count_include_pad=True)`: the mean of each window of (batch, channels,
 * height, width) data; `strides` defaults to the pool size. With padding, each window's
 * divisor counts the padded cells unless `countIncludePad` is false. Prefix `pool<n>_`.
 *
 * @example
 * const pool = new gluon.nn.AvgPool2D(3, { strides: 1, padding: 1, countIncludePad: false });
 * pool.forward(mx.nd.ones([1, 1, 4, 4])); // all ones
 */
export class AvgPool2D extends Pooling {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'AvgPool2D';
  constructor(poolSize: number | readonly number[] = 2, options: AvgPoolOptions = {}) {
    const {
      strides = null,
      padding = 0,
      ceilMode = false,
      layout = 'NCHW',
      countIncludePad = true,
      ...rest
    } = options;
    const spec = { poolSize, strides, padding, ceilMode, layout, countIncludePad };
    super('nn.AvgPool2D', 2, { ...spec, globalPool: false, poolType: 'avg' }, rest);
  }
}
