import { MXNetError } from './mxnet-error.js';

/**
 * Raised when an array is created on a context for which no backend is registered.
 */
export class NoBackendError extends MXNetError {
  override readonly name = 'NoBackendError';

  constructor(readonly context: string) {
    super(
      `No backend is registered for ${context}. Register one first: mx.useBackend(await createCpuBackend()) from @mxts/backend-cpu, or another @mxts/backend-* package.`,
    );
  }
}
