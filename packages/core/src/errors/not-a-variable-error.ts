import { MXNetError } from './mxnet-error.js';

/**
 * Raised when setting `freshGrad` on an array that is not a variable (MXNet's E12).
 */
export class NotAVariableError extends MXNetError {
  override readonly name = 'NotAVariableError';

  constructor() {
    super('NDArray has not been marked as a variable and does not have gradient state');
  }
}
