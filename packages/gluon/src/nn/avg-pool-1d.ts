import { type AvgPoolOptions, Pooling } from './pooling.js';

/**
 * MXNet `gluon.nn.AvgPool1D(pool_size=2, strides=None, padding=0, layout='NCW',
 * ceil_mode=False, count_include_pad=True)`: the mean of each window of (batch, channels,
 * width) data; `strides` defaults to the pool size. Prefix `pool<n>_`.
 *
 * @example
 * new gluon.nn.AvgPool1D(2).forward(mx.nd.array([[[1, 3, 2, 0]]])); // [[[2, 1]]]
 */
export class AvgPool1D extends Pooling {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'AvgPool1D';
  constructor(poolSize: number | readonly number[] = 2, options: AvgPoolOptions = {}) {
    const {
      strides = null,
      padding = 0,
      layout = 'NCW',
      ceilMode = false,
      countIncludePad = true,
      ...rest
    } = options;
    const spec = { poolSize, strides, padding, ceilMode, layout, countIncludePad };
    super('nn.AvgPool1D', 1, { ...spec, globalPool: false, poolType: 'avg' }, rest);
  }
}
