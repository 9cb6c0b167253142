import { Conv, type ConvOptions } from './conv.js';

/**
 * MXNet `gluon.nn.Conv2D(channels, kernel_size, strides=(1, 1), padding=(0, 0),
 * dilation=(1, 1), groups=1, layout='NCHW', activation=None, use_bias=True,
 * weight_initializer=None, bias_initializer='zeros', in_channels=0)`: 2-D convolution of
 * (batch, inChannels, height, width) data through `mx.nd.Convolution`, weight (channels,
 * inChannels/groups, kh, kw), prefix `conv<n>_`. A number for `kernelSize`, `strides`,
 * `padding` or `dilation` applies to both axes.
 *
 * @example
 * const conv = new gluon.nn.Conv2D(6, 5, { activation: 'relu' });
 * conv.initialize(new mx.init.Xavier());
 * conv.forward(mx.nd.ones([1, 1, 28, 28])).shape; // [1, 6, 24, 24]
 * conv.weight.name; // 'conv0_weight', shape [6, 1, 5, 5]
 */
export class Conv2D extends Conv {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Conv2D';
  constructor(channels: number, kernelSize: number | readonly number[], options: ConvOptions = {}) {
    super('nn.Conv2D', 2, channels, kernelSize, options);
  }
}
