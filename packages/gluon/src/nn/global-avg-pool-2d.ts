import { type GlobalPoolOptions, Pooling } from './pooling.js';

/**
 * MXNet `gluon.nn.GlobalAvgPool2D(layout='NCHW')`: the mean over all spatial positions of
 * (batch, channels, height, width) data, keeping size-1 spatial axes. Prefix `pool<n>_`.
 *
 * @example
 * new gluon.nn.GlobalAvgPool2D().forward(mx.nd.ones([2, 8, 7, 7])).shape; // [2, 8, 1, 1]
 */
export class GlobalAvgPool2D extends Pooling {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'GlobalAvgPool2D';
  constructor(options: GlobalPoolOptions = {}) {
    const { layout = 'NCHW', ...rest } = options;
    const spec = { poolSize: 1, strides: null, padding: 0, ceilMode: true, layout };
    super('nn.GlobalAvgPool2D', 2, { ...spec, globalPool: true, poolType: 'avg' }, rest);
  }
}
