import { MXNetError } from './mxnet-error.js';

/**
 * Raised when an array is used after `dispose()`.
 */
export class DisposedArrayError extends MXNetError {
  constructor(readonly op: string) {
    super(
      `${op}: the array was disposed. Keep a reference alive (or do not call dispose()) while you still use it.`,
    );
  }
}
