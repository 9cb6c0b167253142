import { Conv, type ConvOptions } from './conv.js';

/**
 * MXNet `gluon.nn.Conv1D(channels, kernel_size, strides=1, padding=0, dilation=1, groups=1,
 * layout='NCW', activation=None, use_bias=True, weight_initializer=None,
 * bias_initializer='zeros', in_channels=0)`: 1-D convolution of (batch, inChannels, width)
 * data through `mx.nd.Convolution`, weight (channels, inChannels/groups, kernelSize), prefix
 * `conv<n>_`. The output width is floor((width + 2*padding - dilation*(kernelSize-1) - 1) /
 * strides) + 1.
 *
 * @example
 * const conv = new gluon.nn.Conv1D(4, 3, { padding: 1, activation: 'relu' });
 * conv.initialize();
 * conv.forward(mx.nd.ones([2, 3, 10])).shape; // [2, 4, 10]
 */
export class Conv1D extends Conv {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Conv1D';
  constructor(channels: number, kernelSize: number | readonly number[], options: ConvOptions = {}) {
    super('nn.Conv1D', 1, channels, kernelSize, options);
  }
}
