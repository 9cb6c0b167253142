import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `autograd.Function`'s base `forward`/`backward` when a subclass does not
 * override them (MXNet's E11).
 */
export class NotImplementedError extends MXNetError {
  override readonly name = 'NotImplementedError';

  constructor(readonly method: string) {
    super(`${method} is not implemented: override it in your autograd.Function subclass.`);
  }
}
