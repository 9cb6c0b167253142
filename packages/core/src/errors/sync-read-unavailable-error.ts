import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `dataSync()`, `asscalar()` and other synchronous reads on a backend whose reads are
 * asynchronous (WebGPU). Use the async forms instead.
 */
export class SyncReadUnavailableError extends MXNetError {
  override readonly name = 'SyncReadUnavailableError';

  constructor(
    readonly op: string,
    readonly context: string,
  ) {
    super(
      `${op}: the backend of ${context} reads asynchronously. Use \`await x.data()\`, \`await x.asnumpy()\` or \`await mx.repr(x)\` instead.`,
    );
  }
}
