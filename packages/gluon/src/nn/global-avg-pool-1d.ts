import { type GlobalPoolOptions, Pooling } from './pooling.js';

/**
 * MXNet `gluon.nn.GlobalAvgPool1D(layout='NCW')`: the mean over all spatial positions of
 * (batch, channels, width) data, keeping size-1 spatial axes. Prefix `pool<n>_`.
 *
 * @example
 * new gluon.nn.GlobalAvgPool1D().forward(mx.nd.ones([2, 8, 5])).shape; // [2, 8, 1]
 */
export class GlobalAvgPool1D extends Pooling {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'GlobalAvgPool1D';
  constructor(options: GlobalPoolOptions = {}) {
    const { layout = 'NCW', ...rest } = options;
    const spec = { poolSize: 1, strides: null, padding: 0, ceilMode: true, layout };
    super('nn.GlobalAvgPool1D', 1, { ...spec, globalPool: true, poolType: 'avg' }, rest);
  }
}
