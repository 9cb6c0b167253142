import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `autograd.grad` when a listed variable has no gradient attached or has
 * `gradReq: 'null'` (MXNet's E2). The position is 1-based, as in MXNet.
 */
export class VariableWithoutGradError extends MXNetError {
  override readonly name = 'VariableWithoutGradError';

  constructor(readonly position: number) {
    super(
      `Cannot differentiate with respect to the ${position}-th variable because it does not require gradient.`,
    );
  }
}
