import { MXNetError } from './mxnet-error.js';

/**
 * Raised when, under `record()`, an in-place op writes into a plain array while another
 * operand is in a graph (MXNet's E5).
 */
export class InplaceRecordingError extends MXNetError {
  override readonly name = 'InplaceRecordingError';

  constructor(readonly op: string) {
    super(
      `${op}: Inplace operations (+=, -=, x[:]=, etc) are not supported when recording with autograd.`,
    );
  }
}
