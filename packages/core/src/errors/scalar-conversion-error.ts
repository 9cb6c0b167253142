import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `asscalar()` on an array whose size is not 1 (MXNet's E16: `ValueError`).
 */
export class ScalarConversionError extends MXNetError {
  override readonly name = 'ScalarConversionError';

  constructor() {
    super('The current array is not a scalar');
  }
}
