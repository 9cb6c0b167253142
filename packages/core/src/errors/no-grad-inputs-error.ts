import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `backward` when no variable reachable from the heads requires a gradient
 * (MXNet's E3): every reachable variable has `gradReq: 'null'`.
 */
export class NoGradInputsError extends MXNetError {
  override readonly name = 'NoGradInputsError';

  constructor() {
    super('There are no inputs in computation graph that require gradients.');
  }
}
