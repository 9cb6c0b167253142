import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `autograd.getSymbol` on an array with no recorded history (MXNet's E6).
 */
export class NotInSymbolGraphError extends MXNetError {
  override readonly name = 'NotInSymbolGraphError';

  constructor() {
    super('NDArray is not part of a computation graph. Did you forget to turn on recording?');
  }
}
