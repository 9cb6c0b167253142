import { MXNetError } from './mxnet-error.js';

/**
 * Raised when an op or a backend does not support a dtype, or operands' dtypes do not match.
 */
export class DTypeError extends MXNetError {
  override readonly name: string = 'DTypeError';

  constructor(
    readonly op: string,
    message: string,
  ) {
    super(`${op}: ${message}`);
  }
}
