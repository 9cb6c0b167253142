import { MXNetError } from './mxnet-error.js';

/**
 * Raised when an op receives arrays from two contexts (for example `cpu(0)` and `gpu(0)`).
 * Move one with `copyTo(ctx)` or `asInContext(ctx)` first.
 */
export class ContextMismatchError extends MXNetError {
  override readonly name = 'ContextMismatchError';

  constructor(
    readonly op: string,
    readonly contexts: readonly string[],
  ) {
    super(
      `${op}: inputs live on different contexts (${contexts.join(' and ')}). Move them to one context first, e.g. x.asInContext(mx.${contexts[0]}).`,
    );
  }
}
