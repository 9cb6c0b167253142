import { MXNetError } from './mxnet-error.js';

/**
 * Raised when an array is used after its memory was freed: by `dispose()`, or (the
 * subclasses) by the scope or the recorded graph that owned it.
 *
 * @example
 * const x = mx.nd.ones([2]); x.dispose();
 * try { x.shape; } catch (e) { e instanceof mx.DisposedArrayError; } // true
 */
export class DisposedArrayError extends MXNetError {
  override readonly name: string = 'DisposedArrayError';

  constructor(
    readonly op: string,
    message = `${op}: the array was disposed. Keep a reference alive (or do not call dispose()) while you still use it.`,
  ) {
    super(message);
  }
}
